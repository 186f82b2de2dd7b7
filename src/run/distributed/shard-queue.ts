// The job queue: pg-boss on PostgreSQL. One queue holds every run's shard jobs (workers claim from it);
// each run has its own queue where workers report finished shards and where pg-boss dead-letters a
// shard that failed on every attempt (thrown, or expired because its worker died), so the run learns
// of both without polling every job.
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { accountIdSchema, recordRegionSchema } from '../../util/aws-ids.ts';
import type { LearnedRate } from '../../collect/learned-rates.ts';
import { sourceSpecSchema } from './source-spec.ts';

export const SHARD_QUEUE = 'proofline-shards';

export function runQueueName(runId: string): string {
  return `proofline-run-${runId}`;
}

export const shardJobSchema = z
  .object({
    runId: z.uuid(),
    shard: z.object({ account: accountIdSchema, region: recordRegionSchema }).strict(),
    source: sourceSpecSchema,
    /** Evidence keys the run's controls need: the worker runs the collectors that produce them. */
    keys: z.array(z.string()).min(1),
    settings: z.object({ perAccountConcurrency: z.number().int().positive().optional(), callConcurrency: z.number().int().positive().optional() }).strict(),
    /** Call rates the run's history keeps for the shard's account and region: the worker starts from them. */
    rates: z.array(z.object({ account: accountIdSchema, region: recordRegionSchema, operation: z.string(), rate: z.number(), learnedAt: z.string() }).strict()).optional(),
    /** Where the run reads the shard's records (evidence-store.ts). */
    store: z.string().min(1),
    /** A worker of another version would collect other evidence: it refuses the shard. */
    toolVersion: z.string(),
  })
  .strict();

export type ShardJob = z.infer<typeof shardJobSchema>;

/** What a worker tells the run when a shard's records are stored. */
export interface ShardDone {
  done: true;
  shard: string;
  worker: string;
  records: number;
  ms: number;
  /** The rates the shard's paces ended with (learned-rates.ts), for the run's history. */
  rates?: LearnedRate[];
}

export interface QueueConnection {
  boss: PgBoss;
  /** The last error pg-boss reported in the background (connection lost, maintenance failed). */
  lastError(): Error | undefined;
  close(): Promise<void>;
}

/** Connects, installs or migrates pg-boss's schema if needed, and makes sure the shard queue exists. */
export async function openQueue(url: string, opts: { supervise?: boolean; maxConnections?: number } = {}): Promise<QueueConnection> {
  const boss = new PgBoss({ connectionString: url, max: opts.maxConnections ?? 4, application_name: 'proofline', supervise: opts.supervise ?? true, schedule: false });
  let last: Error | undefined;
  boss.on('error', (err) => {
    last = err;
  });
  await boss.start();
  if (!(await boss.getQueue(SHARD_QUEUE))) await boss.createQueue(SHARD_QUEUE).catch(async (err) => {
    // Another process created it at the same moment.
    if (!(await boss.getQueue(SHARD_QUEUE))) throw err;
  });
  return {
    boss,
    lastError: () => last,
    close: () => boss.stop({ graceful: false, wait: true, close: true }),
  };
}

/** pg-boss keeps a failed job's error as its output: a serialised Error, or {value: {message}} for expiry. */
export function failureMessage(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null | undefined;
  const message = o?.message ?? o?.value?.message;
  return typeof message === 'string' ? message : 'the shard failed on every attempt';
}
