// The flags and config that hand a run's collection to workers (`run --queue`, `schedule --queue`),
// and how the run shows their progress.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ProoflineConfig } from '../../config/config-schema.ts';
import type { DistributedOptions, QueueProgress } from '../../run/distributed/collect-distributed.ts';
import { displayUrl, isPostgresUrl } from '../../util/postgres-url.ts';
import { UsageError } from '../exit-codes.ts';
import type { ProgressMode } from '../progress.ts';

export interface QueueFlags {
  queue?: string;
  evidenceStore?: string;
}

export function addQueueOptions(cmd: Command): Command {
  return cmd
    .option('--queue <postgres-url>', 'hand collection to `proofline worker` processes through this PostgreSQL queue (or PROOFLINE_QUEUE_URL, or queue.url in the config)')
    .option('--evidence-store <location>', 'where workers store evidence for the run: a shared folder or s3://bucket/prefix (default: queue.evidenceStore, else <dataDir>/shards)');
}

/** The queue URL: the flag, else PROOFLINE_QUEUE_URL, else the config's; undefined means a single-process run. */
export function queueUrlOf(flag: string | undefined, config: Pick<ProoflineConfig, 'queue'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = flag ?? (env.PROOFLINE_QUEUE_URL || undefined) ?? config.queue?.url;
  if (url !== undefined && !isPostgresUrl(url)) throw new UsageError({ file: '--queue', message: `"${displayUrl(url)}" is not a postgres:// or postgresql:// URL` });
  return url;
}

export function distributedOptionsOf(flags: QueueFlags, config: ProoflineConfig, queueUrl: string, signal: AbortSignal, onProgress?: (p: QueueProgress) => void): DistributedOptions {
  return {
    queueUrl,
    evidenceStore: flags.evidenceStore ?? config.queue?.evidenceStore ?? resolve(config.dataDir, 'shards'),
    shardTimeoutSeconds: config.queue?.shardTimeoutSeconds ?? 900,
    retryLimit: config.queue?.retryLimit ?? 2,
    signal,
    onProgress,
  };
}

/** One line per change: shards done/total, failed, and each worker's rate (JSON lines when not a terminal). */
export function queueProgressPrinter(out: { write(text: string): unknown }, mode: ProgressMode): (p: QueueProgress) => void {
  let last = '';
  return (p) => {
    if (mode === 'quiet') return;
    const key = `${p.done}/${p.failed}/${p.workers.length}`;
    if (key === last) return;
    last = key;
    if (mode === 'json') {
      out.write(JSON.stringify({ event: 'shards', runId: p.runId, done: p.done, failed: p.failed, total: p.total, workers: p.workers.map((w) => ({ worker: w.worker, shards: w.shards, records: w.records, shardsPerMinute: Number(w.shardsPerMinute.toFixed(1)) })) }) + '\n');
      return;
    }
    const workers = p.workers.map((w) => `${w.worker} ${w.shards} (${w.shardsPerMinute.toFixed(1)}/min)`).join(', ');
    out.write(`shards ${p.done}/${p.total} done, ${p.failed} failed${workers ? ` | ${workers}` : ' | waiting for workers'}\n`);
  };
}
