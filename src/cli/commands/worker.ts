// `proofline worker`: collects shards of runs started with `run --queue` until SIGTERM / SIGINT, logging
// one JSON line per shard on stdout. Shards in progress finish before it exits.
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { loadConfig } from '../../config/load-config.ts';
import { runWorker } from '../../run/distributed/run-worker.ts';
import { UsageError } from '../exit-codes.ts';
import { positiveIntFlag } from './source-flags.ts';
import { queueUrlOf } from './queue-options.ts';

interface WorkerFlags {
  queue?: string;
  config?: string;
  concurrency?: string;
  evidenceStore?: string;
  quiet?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(describeCommand('worker'))
    .option('--queue <postgres-url>', 'the PostgreSQL queue (or PROOFLINE_QUEUE_URL, or queue.url in the config)')
    .option('--config <file>', 'proofline.config.yaml (for queue.url and queue.evidenceStore)')
    .option('--concurrency <n>', 'shards collected at once by this process (default 1)')
    .option('--evidence-store <location>', 'accept only runs that store evidence here (default: queue.evidenceStore of the config, else any)')
    .option('--quiet', 'no log lines')
    .action(async (flags: WorkerFlags) => {
      const config = await loadConfig(flags.config);
      const queueUrl = queueUrlOf(flags.queue, config);
      if (!queueUrl) throw new UsageError({ file: '--queue', message: 'proofline worker needs --queue <postgres-url> (or PROOFLINE_QUEUE_URL, or queue.url in the config)' });
      const concurrency = positiveIntFlag('--concurrency', flags.concurrency) ?? 1;
      const stop = new AbortController();
      for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, () => stop.abort());
      await runWorker({
        queueUrl,
        concurrency,
        store: flags.evidenceStore ?? config.queue?.evidenceStore,
        signal: stop.signal,
        onShard: flags.quiet ? undefined : (e) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event: `shard.${e.phase}`, ...e }) + '\n'),
      });
    });
}
