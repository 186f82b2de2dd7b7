// `proofline run` once its flags are checked (run-flags.ts): collect or replay, evaluate, and write the
// package under --out. Loaded only when a run starts, with the SDK clients and renderers behind it.
import { loadProjectCatalog } from '../../evaluate/load-project-catalog.ts';
import { loadConfig } from '../../config/load-config.ts';
import { manualEvidenceStep } from '../../package/manual-package-step.ts';
import { runEvidence } from '../../run/run-evidence.ts';
import { loadRunInputs } from '../../run/load-run-inputs.ts';
import { renderReportsStep } from '../../package/render-package.ts';
import { resolveSigningIdentity } from '../../sign/resolve-identity.ts';
import { signPackageStep } from '../../package/sign-package.ts';
import { writePackage } from '../../package/write-package.ts';
import { writeResultsOnly } from '../../package/results-only.ts';
import { exportStep } from '../../package/export-step.ts';
import { exportOptions } from './export-formats.ts';
import { UsageError } from '../exit-codes.ts';
import { formatRunSummary } from '../format-summary.ts';
import { Progress, progressMode } from '../progress.ts';
import { distributedOptionsOf, queueProgressPrinter, queueUrlOf } from './queue-options.ts';
import { distributedCollect } from '../../run/distributed/collect-distributed.ts';
import { historyRates } from '../../history/history-rates.ts';
import { positiveIntFlag, retryOverride } from './source-flags.ts';
import { prepareSource } from './source-options.ts';
import type { RunFlags } from './run-flags.ts';

export async function runCommand(flags: RunFlags, evaluatedAt: Date | undefined): Promise<void> {
  const config = await loadConfig(flags.config);
  const exports = exportOptions(flags.format, config);
  const perAccountConcurrency = positiveIntFlag('--account-concurrency', flags.accountConcurrency);
  const callConcurrency = positiveIntFlag('--call-concurrency', flags.callConcurrency);
  const project = await loadProjectCatalog();
  // Exceptions and manual evidence named by the config; bad files stop the run before collection.
  const inputs = await loadRunInputs(config, evaluatedAt ?? new Date(), new Set(project.catalog.controls.map((c) => c.id)), project.catalog);
  for (const warning of inputs.warnings ?? []) process.stderr.write(`proofline: warning: ${warning}\n`);
  // Resolve the signer before collecting: a bad key must not cost a whole live run.
  const identity = await resolveSigningIdentity(config);
  const source = await prepareSource(flags, config.regions, config.callDeadlineSeconds, retryOverride(flags, config.awsRetry));
  // Replays are instant: only live collection gets a progress display.
  const progress = new Progress(process.stderr, source.kind === 'live' ? progressMode(process.stderr, Boolean(flags.quiet)) : 'quiet');
  // With a queue, workers collect: SIGTERM / SIGINT cancel the run's shards before it exits.
  const queueUrl = queueUrlOf(flags.queue, config);
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  const collect = queueUrl ? distributedCollect(distributedOptionsOf(flags, config, queueUrl, cancel.signal, queueProgressPrinter(process.stderr, progressMode(process.stderr, Boolean(flags.quiet))))) : undefined;
  if (collect) for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, onSignal);
  // Live calls start from the rates the history keeps, if there is one (with a queue, each worker from its shard's).
  const rates = source.kind === 'live' ? await historyRates(config) : undefined;
  // `evidence` is handed to writePackage, which releases its records once they are on disk.
  const evidence = await runEvidence({ ...project, source, config, evaluatedAt, perAccountConcurrency, callConcurrency, onCall: progress.onCall, onCollectorDone: progress.onCollectorDone, exceptions: inputs.exceptions, manualEvidence: inputs.manualEvidence.map((m) => m.entry), collect, paces: rates?.paces, workDir: flags.out }).finally(() => {
    for (const s of ['SIGTERM', 'SIGINT'] as const) process.off(s, onSignal);
    if (source.kind === 'live') progress.finish();
  });
  try {
    await rates?.keep(new Date());
    // Ages judged "as of" a time before a recording was made would describe an account state nobody
    // observed. (Only a recording's times are its own: live and simulated evidence is stamped now.)
    const collectedFrom = evidence.results.run.collectionWindow?.from;
    if (source.kind === 'snapshot' && evaluatedAt && collectedFrom && evaluatedAt.toISOString() < collectedFrom) {
      throw new UsageError({ file: '--evaluated-at', message: `${evaluatedAt.toISOString()} is before the evidence was collected (from ${collectedFrom}); evaluate at or after the collection` });
    }
    if (flags.only === 'results') {
      const path = await writeResultsOnly(flags.out, evidence.results, identity);
      process.stderr.write('proofline: --only results: results.json is signed (results.json.sig, detached CMS); there is no evidence, report, manifest or zip, so this is not an audit package and `proofline verify` does not accept it\n');
      process.stdout.write(formatRunSummary(evidence.results, path, 'Results only (not an audit package)'));
      return;
    }
    const path = await writePackage(flags.out, evidence, [manualEvidenceStep(inputs.manualEvidence), renderReportsStep({ identity, pageSize: config.report?.pageSize, ...(inputs.tracker ? { extras: { tracker: { previous: inputs.tracker } } } : {}) }), exportStep(exports), signPackageStep({ identity })], { zip: true });
    // writePackage read the findings and evidence entries from the spool into results.json; the
    // summary reads only the run and its counts.
    process.stdout.write(formatRunSummary(evidence.results, path));
  } finally {
    // The run's spool (its findings, evidence entries and records until the package holds them).
    await evidence.dispose();
  }
}
