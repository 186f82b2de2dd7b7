// A `proofline worker` whose AWS is a synthetic Organization (bench/generate), for the worker benchmark
// and the queue tests: the same runWorker, collectors, client factory and evidence store as the CLI's
// worker; only the shard's source is the simulator instead of a snapshot or live AWS.
//   tsx bench/workers/synthetic-worker.ts <queue-url> [concurrency]
// A run hands it sources named "synthetic-org:<accounts>x<size>" (":limits" adds the benchmark's
// latency and per-account x region x operation rate limits). Environment, for tests:
//   PROOFLINE_SIM_FAIL_SHARD=<account>/<region>   that shard fails on every attempt
//   PROOFLINE_SIM_LATENCY_MS=<ms>                 every answer waits this long (a slow shard to kill)
//   PROOFLINE_SIM_STATS=<file>                    on exit, writes calls, throttles and CPU time there
import { writeFileSync } from 'node:fs';
import type { Call } from '../../src/collect/evidence-middleware.ts';
import { simulatedSource } from '../../src/collect/source.ts';
import { runWorker } from '../../src/run/distributed/run-worker.ts';
import { shardId, shardScope } from '../../src/run/distributed/shard.ts';
import type { ShardSourceFactory } from '../../src/run/distributed/source-spec.ts';
import { AwsLimits } from '../collection/aws-limits.ts';
import { DEFAULT_LIMITS } from '../collection/bench-collection.ts';
import { syntheticOrganization, type SyntheticOrganization } from '../generate/synthetic-organization.ts';

export interface SyntheticSourceName {
  accounts: number;
  size: number;
  limits: boolean;
}

export function syntheticSourceName(o: SyntheticSourceName): string {
  return `synthetic-org:${o.accounts}x${o.size}${o.limits ? ':limits' : ''}`;
}

export function parseSyntheticSourceName(location: string): SyntheticSourceName | undefined {
  const m = /^synthetic-org:(\d+)x(\d+)(:limits)?$/.exec(location);
  return m ? { accounts: Number(m[1]), size: Number(m[2]), limits: Boolean(m[3]) } : undefined;
}

/** The synthetic sources a worker process serves, with the limits (and their call log) it applies. */
export function syntheticSources(env: NodeJS.ProcessEnv = process.env): { sources: ShardSourceFactory; limits: AwsLimits } {
  const limits = new AwsLimits(DEFAULT_LIMITS);
  const latency = Number(env.PROOFLINE_SIM_LATENCY_MS ?? 0);
  const orgs = new Map<string, SyntheticOrganization>();
  const sources: ShardSourceFactory = async (spec, shard) => {
    if (spec.kind !== 'simulated') throw new Error(`this worker serves synthetic organizations only, not a ${spec.kind} source`);
    const parsed = parseSyntheticSourceName(spec.location);
    if (!parsed) throw new Error(`this worker serves synthetic organizations only, not ${JSON.stringify(spec)}`);
    if (env.PROOFLINE_SIM_FAIL_SHARD === shardId(shard)) throw new Error(`simulated failure of shard ${shardId(shard)}`);
    let org = orgs.get(spec.location);
    if (!org) {
      const beforeAnswer = parsed.limits ? limits.beforeAnswer : latency > 0 ? (_call: Call) => new Promise<void>((r) => setTimeout(r, latency)) : undefined;
      orgs.set(spec.location, (org = syntheticOrganization(parsed.accounts, parsed.size, { beforeAnswer })));
    }
    return simulatedSource(org.responder, shardScope(shard), spec.location);
  };
  return { sources, limits };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [queueUrl, concurrency] = process.argv.slice(2);
  if (!queueUrl) throw new Error('usage: tsx bench/workers/synthetic-worker.ts <queue-url> [concurrency]');
  const { sources, limits } = syntheticSources();
  const stop = new AbortController();
  // CPU from the moment it can claim shards: module loading and connecting are not collection.
  let cpuAtReady = process.cpuUsage();
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, () => stop.abort());
  await runWorker({
    queueUrl,
    concurrency: Number(concurrency ?? 1),
    sources,
    signal: stop.signal,
    pollingIntervalSeconds: 0.5,
    onShard: (e) => process.stdout.write(JSON.stringify(e) + '\n'),
    onReady: () => {
      cpuAtReady = process.cpuUsage();
      process.stdout.write(JSON.stringify({ phase: 'ready' }) + '\n');
    },
  });
  if (process.env.PROOFLINE_SIM_STATS) {
    const cpu = process.cpuUsage(cpuAtReady);
    const answered = limits.log.answered().map((c) => [c.key, c.account, c.region, c.input]);
    writeFileSync(process.env.PROOFLINE_SIM_STATS, JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, attempts: limits.attempts, throttles: limits.throttleCount, answered }));
  }
  process.exit(0);
}
