// `proofline worker`: claims shards from the queue, collects each, stores its records in the run's
// evidence store and tells the run. A shard that throws is failed back to pg-boss, which retries it
// (and, once its retries are spent, dead-letters it to the run); a worker that dies holding a shard
// leaves it to expire and be retried by another worker.
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { loadCollectors } from '../../collect/collector-registry.ts';
import type { Collector } from '../../collect/collector.ts';
import { TOOL_VERSION } from '../../util/version.ts';
import { collectShard } from './collect-shard.ts';
import { openEvidenceStore, type EvidenceStore } from './evidence-store.ts';
import { shardId } from './shard.ts';
import { openQueue, runQueueName, SHARD_QUEUE, shardJobSchema, type ShardDone, type ShardJob } from './shard-queue.ts';
import { defaultShardSources, type ShardSourceFactory } from './source-spec.ts';

export interface WorkerShardEvent {
  phase: 'start' | 'done' | 'failed' | 'skipped';
  runId?: string;
  shard?: string;
  records?: number;
  ms?: number;
  error?: string;
}

export interface WorkerOptions {
  queueUrl: string;
  /** Shards collected at once by this process (default 1). */
  concurrency?: number;
  /** Builds a shard's source from the job (default: snapshots and live AWS). */
  sources?: ShardSourceFactory;
  collectors?: Collector[];
  /** When set, shards of runs that store elsewhere are refused (a worker writes only where it is told to here). */
  store?: string;
  /** Stops claiming when aborted; shards in progress finish (up to stopTimeoutMs). */
  signal: AbortSignal;
  workerId?: string;
  pollingIntervalSeconds?: number;
  stopTimeoutMs?: number;
  onShard?: (event: WorkerShardEvent) => void;
  /** Told once the worker is claiming shards. */
  onReady?: () => void;
}

export class ShardRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardRefusedError';
  }
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** Runs until the signal aborts. */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const collectors = opts.collectors ?? (await loadCollectors());
  const sources = opts.sources ?? defaultShardSources();
  const worker = opts.workerId ?? defaultWorkerId();
  const stores = new Map<string, EvidenceStore>();
  const storeFor = (location: string) => {
    let store = stores.get(location);
    if (!store) stores.set(location, (store = openEvidenceStore(location)));
    return store;
  };
  const queue = await openQueue(opts.queueUrl);
  const { boss } = queue;

  const handle = async (job: PgBoss.Job<unknown>): Promise<void> => {
    const parsed = shardJobSchema.safeParse(job.data);
    if (!parsed.success) throw new ShardRefusedError(`job ${job.id} is not a Proofline shard: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const data: ShardJob = parsed.data;
    const label = shardId(data.shard);
    if (data.toolVersion !== TOOL_VERSION) throw new ShardRefusedError(`shard ${label}: the run is Proofline ${data.toolVersion}, this worker ${TOOL_VERSION}`);
    if (opts.store && storeFor(opts.store).location !== storeFor(data.store).location) throw new ShardRefusedError(`shard ${label}: the run stores evidence in ${data.store}, this worker only in ${opts.store}`);
    const started = Date.now();
    opts.onShard?.({ phase: 'start', runId: data.runId, shard: label });
    try {
      const { records, rates } = await collectShard(data, collectors, await sources(data.source, data.shard));
      // A cancelled run wants nothing more from this shard.
      const current = await boss.getJobById(SHARD_QUEUE, job.id);
      if (current?.state === 'cancelled') {
        opts.onShard?.({ phase: 'skipped', runId: data.runId, shard: label, error: 'the run was cancelled' });
        return;
      }
      await storeFor(data.store).put(data.runId, data.shard, records);
      const done: ShardDone = { done: true, shard: label, worker, records: records.length, ms: Date.now() - started, ...(rates.length ? { rates } : {}) };
      // The run's queue is gone when the run has already finished or been cancelled: nothing to tell.
      await boss.send(runQueueName(data.runId), done).catch(() => undefined);
      opts.onShard?.({ phase: 'done', runId: data.runId, shard: label, records: records.length, ms: done.ms });
    } catch (err) {
      opts.onShard?.({ phase: 'failed', runId: data.runId, shard: label, ms: Date.now() - started, error: (err as Error).message });
      throw err;
    }
  };

  try {
    const concurrency = opts.concurrency ?? 1;
    for (let i = 0; i < concurrency; i++) {
      await boss.work(SHARD_QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async (jobs) => {
        for (const job of jobs) await handle(job);
      });
    }
    opts.onReady?.();
    await new Promise<void>((resolve) => {
      if (opts.signal.aborted) resolve();
      else opts.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await boss.stop({ graceful: true, wait: true, close: true, timeout: opts.stopTimeoutMs ?? 30_000 });
  }
}
