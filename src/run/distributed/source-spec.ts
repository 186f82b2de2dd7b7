// Where a shard's evidence comes from, as data a job can carry: a worker rebuilds the source from it
// (a snapshot folder on a shared filesystem, or live AWS entered with the worker's own credentials).
import { resolve } from 'node:path';
import { z } from 'zod';
import { liveAccountsSource, type LiveEntrySpec } from '../../collect/live/live-source.ts';
import { RETRY_MODES } from '../../collect/live/retry-settings.ts';
import { snapshotSource, type PreparedSource } from '../../collect/source.ts';
import { accountIdSchema } from '../../util/aws-ids.ts';
import { shardScope, type Shard } from './shard.ts';
import { InputError, type InputProblem } from '../../util/input-error.ts';

const roleSpec = z.object({ roleName: z.string().min(1), externalId: z.string().optional(), sessionName: z.string().optional() }).strict();
const clientSpec = z.object({ maxAttempts: z.number().int().positive().optional(), retryMode: z.enum(RETRY_MODES).optional(), requestTimeoutMs: z.number().int().positive().optional(), connectionTimeoutMs: z.number().int().positive().optional() }).strict();

export const sourceSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), location: z.string().min(1), regions: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal('live'), entry: z.object({ profile: z.string().optional(), callerAccount: accountIdSchema, partition: z.string().min(1), role: roleSpec, region: z.string().min(1), client: clientSpec.optional() }).strict() }).strict(),
  // Simulated accounts (tests, benchmarks) exist only in a process started with them.
  z.object({ kind: z.literal('simulated'), location: z.string().min(1) }).strict(),
]);

export type SourceSpec = z.infer<typeof sourceSpecSchema>;

/** Builds a shard's source from a job's spec; the CLI's worker knows snapshots and live AWS. */
export type ShardSourceFactory = (spec: SourceSpec, shard: Shard) => Promise<PreparedSource>;

export class UnsupportedSourceError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'UnsupportedSourceError';
  }
}

export function sourceSpecOf(source: PreparedSource & { entry?: LiveEntrySpec }, regions: readonly string[]): SourceSpec {
  if (source.kind === 'snapshot') return { kind: 'snapshot', location: resolve(source.location ?? '.'), regions: [...regions] };
  if (source.kind === 'live') {
    if (!source.entry) throw new UnsupportedSourceError({ file: '--queue', message: 'this live source cannot be handed to workers (it has no account entry settings)' });
    return { kind: 'live', entry: source.entry };
  }
  return { kind: 'simulated', location: source.location ?? 'simulated' };
}

/**
 * Snapshot indexes are read once per worker and folder; a live account is entered once per worker
 * (its credentials renew themselves), whichever of its shards comes first.
 */
export function defaultShardSources(): ShardSourceFactory {
  const prepared = new Map<string, Promise<PreparedSource>>();
  const once = (key: string, make: () => Promise<PreparedSource>) => {
    let source = prepared.get(key);
    if (!source) prepared.set(key, (source = make()));
    source.catch(() => prepared.delete(key));
    return source;
  };
  return async (spec, shard) => {
    if (spec.kind === 'snapshot') {
      const source = await once(`snapshot|${spec.location}|${spec.regions.join(',')}`, () => snapshotSource(spec.location, spec.regions));
      return { ...source, scope: shardScope(shard) };
    }
    if (spec.kind === 'live') {
      const source = await once(`live|${JSON.stringify(spec.entry)}|${shard.account}`, () => liveAccountsSource(spec.entry as LiveEntrySpec, { accounts: [shard.account], regions: [] }));
      return { ...source, scope: shardScope(shard) };
    }
    throw new UnsupportedSourceError({ file: spec.location, message: 'a simulated source can only be collected by a worker started with that simulator' });
  };
}
