// `proofline record` once its flags are checked (record-flags.ts): collect and write the snapshot.
// Loaded only when a recording starts, with the SDK clients behind it.
import { dirname, resolve } from 'node:path';
import { loadProjectCatalog } from '../../evaluate/load-project-catalog.ts';
import { checkSnapshotTarget, writeSnapshot } from '../../collect/snapshot/write-snapshot.ts';
import { loadConfig } from '../../config/load-config.ts';
import { runEvidence } from '../../run/run-evidence.ts';
import { Progress, progressMode } from '../progress.ts';
import { positiveIntFlag, retryOverride } from './source-flags.ts';
import { prepareSource } from './source-options.ts';
import type { RecordFlags } from './record-flags.ts';

export async function recordCommand(flags: RecordFlags): Promise<void> {
  const config = await loadConfig(flags.config);
  // A folder that cannot be replaced is refused before a long collection, not after it.
  await checkSnapshotTarget(flags.out);
  const perAccountConcurrency = positiveIntFlag('--account-concurrency', flags.accountConcurrency);
  const callConcurrency = positiveIntFlag('--call-concurrency', flags.callConcurrency);
  const project = await loadProjectCatalog();
  const source = await prepareSource(flags, config.regions, config.callDeadlineSeconds, retryOverride(flags, config.awsRetry));
  const progress = new Progress(process.stderr, progressMode(process.stderr, Boolean(flags.quiet)));
  const { results, records, dispose } = await runEvidence({ ...project, source, config, perAccountConcurrency, callConcurrency, onCall: progress.onCall, onCollectorDone: progress.onCollectorDone, workDir: dirname(resolve(flags.out)) }).finally(() => progress.finish());
  try {
    // The records' stored texts, copied from the run's spool.
    await writeSnapshot(flags.out, records, source.scope, { createdAt: results.run.startedAt, ...(flags.description ? { description: flags.description } : {}) });
  } finally {
    await dispose();
  }
  process.stdout.write(`Recorded ${records.length} evidence records (${results.summary.evidence.errors} errors) to ${flags.out}\n`);
}
