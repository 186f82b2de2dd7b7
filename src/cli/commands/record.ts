// `proofline record --out <dir>`: collect evidence (from AWS, or re-record a snapshot) and write it as a
// snapshot folder that `proofline run --source <dir>` replays with the same results.
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { TEXT_LIMITS } from '../../util/text-limits.ts';
import { UsageError } from '../exit-codes.ts';
import { loadProjectCatalog } from '../../evaluate/load-project-catalog.ts';
import { checkSnapshotTarget, writeSnapshot } from '../../collect/snapshot/write-snapshot.ts';
import { loadConfig } from '../../config/load-config.ts';
import { runEvidence } from '../../run/run-evidence.ts';
import { Progress, progressMode } from '../progress.ts';
import { addSourceOptions, positiveIntFlag, retryOverride, type SourceFlags } from './source-flags.ts';
import { prepareSource } from './source-options.ts';

interface RecordFlags extends SourceFlags {
  out: string;
  config?: string;
  description?: string;
}

export function registerRecord(program: Command): void {
  const cmd = program
    .command('record')
    .description(describeCommand('record'))
    .requiredOption('--out <dir>', 'snapshot folder to write: new, empty, or an earlier snapshot (replaced); any other folder is refused')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--description <text>', 'what this snapshot shows (stored in snapshot.json)');
  addSourceOptions(cmd).action(async (flags: RecordFlags) => {
    const config = await loadConfig(flags.config);
    if (flags.description && flags.description.length > TEXT_LIMITS.paragraph) throw new UsageError({ file: '--description', message: `at most ${TEXT_LIMITS.paragraph} characters` });
    // A folder that cannot be replaced is refused before a long collection, not after it.
    await checkSnapshotTarget(flags.out);
    const perAccountConcurrency = positiveIntFlag('--account-concurrency', flags.accountConcurrency);
    const callConcurrency = positiveIntFlag('--call-concurrency', flags.callConcurrency);
    const project = await loadProjectCatalog();
    const source = await prepareSource(flags, config.regions, config.callDeadlineSeconds, retryOverride(flags, config.awsRetry));
    const progress = new Progress(process.stderr, progressMode(process.stderr, Boolean(flags.quiet)));
    const { results, records } = await runEvidence({ ...project, source, config, perAccountConcurrency, callConcurrency, onCall: progress.onCall, onCollectorDone: progress.onCollectorDone }).finally(() => progress.finish());
    await writeSnapshot(flags.out, records, source.scope, { createdAt: results.run.startedAt, ...(flags.description ? { description: flags.description } : {}) });
    process.stdout.write(`Recorded ${records.length} evidence records (${results.summary.evidence.errors} errors) to ${flags.out}\n`);
  });
}
