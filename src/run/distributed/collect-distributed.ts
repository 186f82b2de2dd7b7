// The collect stage of a run handed to workers: split the scope into shards, enqueue them, wait for
// every shard to be stored or to have failed on every attempt, then read the records back. A shard
// with no stored records becomes error records for every key its collectors produce, so its controls
// read unknown. Aborting the run cancels its shards. Evaluation, rendering and signing stay with the run.
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { selectCollectors } from '../../collect/collector-registry.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { MemoryEvidence } from '../../collect/evidence-sink.ts';
import { collectorFailureRecords } from '../../collect/failure-records.ts';
import { keepRates, ratesOf } from '../../collect/learned-rates.ts';
import { TOOL_VERSION } from '../../util/version.ts';
import { neededEvidenceKeys, type CollectEvidenceOptions } from '../collect-evidence.ts';
import { openEvidenceStore } from './evidence-store.ts';
import { planShards, shardCollectors, shardId, type Shard } from './shard.ts';
import { failureMessage, openQueue, runQueueName, SHARD_QUEUE, type ShardDone, type ShardJob } from './shard-queue.ts';
import { sourceSpecOf } from './source-spec.ts';

export interface WorkerProgress {
  worker: string;
  shards: number;
  records: number;
  /** Shards per minute since this worker's first shard of the run. */
  shardsPerMinute: number;
}

export interface QueueProgress {
  runId: string;
  total: number;
  done: number;
  failed: number;
  workers: WorkerProgress[];
}

export interface DistributedOptions {
  queueUrl: string;
  /** Folder path on a shared filesystem, or s3://bucket/prefix. */
  evidenceStore: string;
  /** Seconds a worker may hold a shard before it is given to another (pg-boss expiry). */
  shardTimeoutSeconds: number;
  /** Attempts after the first before a shard counts as failed. */
  retryLimit: number;
  signal?: AbortSignal;
  onProgress?: (progress: QueueProgress) => void;
  pollMs?: number;
}

export class RunCancelledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunCancelledError';
  }
}

const INSERT_CHUNK = 500;

/** A collect function for runEvidence that hands the collection to workers. */
export function distributedCollect(d: DistributedOptions): (opts: CollectEvidenceOptions) => Promise<EvidenceRecord[]> {
  return async (opts) => {
    const now = opts.now ?? (() => new Date());
    const keys = neededEvidenceKeys(opts.catalog);
    const { selected } = selectCollectors(opts.collectors, keys);
    const shards = planShards(opts.source.scope, selected);
    const runId = randomUUID();
    const runQueue = runQueueName(runId);
    const store = openEvidenceStore(d.evidenceStore);
    const source = sourceSpecOf(opts.source, opts.source.scope.regions);
    const settings = { ...(opts.perAccountConcurrency ? { perAccountConcurrency: opts.perAccountConcurrency } : {}), ...(opts.callConcurrency ? { callConcurrency: opts.callConcurrency } : {}) };
    const queue = await openQueue(d.queueUrl, { supervise: false });
    const { boss } = queue;
    const jobIds: string[] = [];
    const messageIds: string[] = [];
    try {
      await boss.createQueue(runQueue);
      const jobs: PgBoss.JobInsert<ShardJob>[] = shards.map((shard) => {
        const id = randomUUID();
        jobIds.push(id);
        // Each worker starts from the rates the run's history keeps for its shard (paces: runEvidence's caller).
        const rates = opts.paces ? ratesOf(opts.paces, shard, now()) : [];
        return { id, name: SHARD_QUEUE, data: { runId, shard, source, keys, settings, ...(rates.length ? { rates } : {}), store: store.location, toolVersion: TOOL_VERSION }, retryLimit: d.retryLimit, retryDelay: 1, expireInSeconds: d.shardTimeoutSeconds, deadLetter: runQueue };
      });
      for (let i = 0; i < jobs.length; i += INSERT_CHUNK) await boss.insert(jobs.slice(i, i + INSERT_CHUNK));
      // What each worker learned is kept in the run's paces, which the caller saves for the next run.
      const paces = opts.paces;
      const failures = await waitForShards(boss, runQueue, runId, shards.length, d, messageIds, paces ? (rates) => keepRates(paces, rates) : undefined);

      const sink = new MemoryEvidence();
      for (const record of opts.source.preflight ?? []) sink.add(record);
      // Read account by account and handed over as each is whole: a run that stores each account as it
      // comes (run-evidence.ts) then holds one account's records at a time, as with in-process collection.
      const byAccount = new Map<string, Shard[]>();
      for (const shard of shards) {
        const list = byAccount.get(shard.account);
        if (list) list.push(shard);
        else byAccount.set(shard.account, [shard]);
      }
      for (const [account, accountShards] of byAccount) {
        for (const shard of accountShards) {
          const records = await store.get(runId, shard);
          if (records) for (const record of records) sink.add(record);
          else for (const record of shardFailureRecords(shard, selected, failures.get(shardId(shard)), now())) sink.add(record);
        }
        if (opts.onAccountCollected) await opts.onAccountCollected(account, sink.take(account));
      }
      return sink.all();
    } catch (err) {
      if (jobIds.length) await boss.cancel(SHARD_QUEUE, jobIds).catch(() => undefined);
      throw err;
    } finally {
      // Everything below was created by this run.
      // pg-boss refuses to delete a queue that jobs still name (as their queue or dead-letter queue).
      if (jobIds.length) await boss.deleteJob(SHARD_QUEUE, jobIds).catch(() => undefined);
      if (messageIds.length) await boss.deleteJob(runQueue, messageIds).catch(() => undefined);
      await boss.purgeQueue(runQueue).catch(() => undefined);
      await boss.deleteQueue(runQueue).catch(() => undefined);
      await store.removeRun(runId).catch(() => undefined);
      await queue.close();
    }
  };
}

function shardFailureRecords(shard: Shard, collectors: Parameters<typeof shardCollectors>[0], message: string | undefined, at: Date): EvidenceRecord[] {
  const error = { name: 'ShardFailed', message: `shard ${shardId(shard)} was not collected: ${message ?? 'no worker stored its evidence'}` };
  return shardCollectors(collectors, shard).flatMap((c) => collectorFailureRecords(c, shard, error, { shardFailure: shardId(shard) }, at));
}

/** Waits until every shard is reported done or dead-lettered; returns the failed shards' last errors. */
async function waitForShards(boss: PgBoss, runQueue: string, runId: string, total: number, d: DistributedOptions, messageIds: string[], onRates?: (rates: NonNullable<ShardDone['rates']>) => void): Promise<Map<string, string>> {
  const done = new Set<string>();
  const failed = new Map<string, string>();
  const workers = new Map<string, { shards: number; records: number; first: number }>();
  let reported = '';
  // Told when a count changes (and once at the start), not on every poll.
  const report = () => {
    const key = `${done.size}/${failed.size}`;
    if (key === reported) return;
    reported = key;
    d.onProgress?.({
      runId,
      total,
      done: done.size,
      failed: failed.size,
      workers: [...workers].map(([worker, w]) => ({ worker, shards: w.shards, records: w.records, shardsPerMinute: (w.shards * 60_000) / Math.max(1000, Date.now() - w.first) })),
    });
  };
  report();
  while (done.size + failed.size < total) {
    if (d.signal?.aborted) throw new RunCancelledError(`run ${runId} cancelled: its shards were cancelled`);
    // Expiry of shards whose worker died is checked here too, not only by workers' maintenance.
    await boss.expire().catch(() => undefined);
    const messages = await boss.fetch<ShardDone | ShardJob>(runQueue, { batchSize: 200, includeMetadata: true });
    for (const m of messages) {
      const data = m.data;
      if ('done' in data) {
        if (done.has(data.shard)) continue;
        done.add(data.shard);
        failed.delete(data.shard);
        if (data.rates) onRates?.(data.rates);
        const w = workers.get(data.worker) ?? { shards: 0, records: 0, first: Date.now() - data.ms };
        w.shards++;
        w.records += data.records;
        workers.set(data.worker, w);
      } else {
        // A dead-lettered shard job: it failed (threw or expired) on every attempt.
        const label = shardId(data.shard);
        if (!done.has(label)) failed.set(label, failureMessage(m.output));
      }
    }
    if (messages.length) messageIds.push(...messages.map((m) => m.id));
    report();
    if (!messages.length) await abortableSleep(d.pollMs ?? 500, d.signal);
  }
  return failed;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
