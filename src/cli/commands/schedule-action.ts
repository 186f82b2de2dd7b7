// `proofline schedule` once its flags are checked (schedule-flags.ts): the scheduler, or one run with
// --once. Loaded only when the scheduler starts, with the pipeline behind it.
import { loadProjectCatalog } from '../../evaluate/load-project-catalog.ts';
import { loadConfig } from '../../config/load-config.ts';
import { deliverRun } from '../../deliver/deliver-run.ts';
import { renderReportsStep } from '../../package/render-package.ts';
import { runEvidence } from '../../run/run-evidence.ts';
import { loadRunInputs } from '../../run/load-run-inputs.ts';
import { evidenceJob, packagesDirOf } from '../../schedule/evidence-job.ts';
import { jsonLinesLogger } from '../../schedule/json-logger.ts';
import { Scheduler, stopOnSignals } from '../../schedule/scheduler.ts';
import { resolveSigningIdentity } from '../../sign/resolve-identity.ts';
import { signPackageStep } from '../../package/sign-package.ts';
import { exportStep } from '../../package/export-step.ts';
import { exportOptions } from './export-formats.ts';
import { historyPoints } from '../../history/history-points.ts';
import { acquireDataDirLock } from '../../history/data-dir-lock.ts';
import { historyUrlOf, openHistory } from '../../history/open-history.ts';
import { exitPromptlyWhenDone } from '../command-outcome.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes.ts';
import { hostname } from 'node:os';
import { distributedCollect } from '../../run/distributed/collect-distributed.ts';
import { openTickClaims } from '../../schedule/tick-claim.ts';
import { learnedRates, pacesFrom } from '../../collect/learned-rates.ts';
import { distributedOptionsOf, queueUrlOf } from './queue-options.ts';
import { positiveIntFlag, retryOverride } from './source-flags.ts';
import { prepareSource } from './source-options.ts';
import type { ScheduleFlags } from './schedule-flags.ts';

export async function scheduleCommand(flags: ScheduleFlags): Promise<number | void> {
  const config = await loadConfig(flags.config);
  if (!config.schedule && !flags.once) throw new UsageError({ file: flags.config ?? '--config', field: 'schedule', message: 'needed by proofline schedule (e.g. schedule: { cron: "0 2 * * *", timezone: UTC })' });
  const schedule = config.schedule ?? { cron: '0 2 * * *', timezone: 'UTC', runOnStart: false };
  const perAccountConcurrency = positiveIntFlag('--account-concurrency', flags.accountConcurrency);
  const callConcurrency = positiveIntFlag('--call-concurrency', flags.callConcurrency);
  const project = await loadProjectCatalog();
  const knownControlIds = new Set(project.catalog.controls.map((c) => c.id));
  // Everything that can be wrong with the input is found now, before the first tick.
  const inputs = await loadRunInputs(config, new Date(), knownControlIds, project.catalog);
  for (const warning of inputs.warnings ?? []) process.stderr.write(`proofline: warning: ${warning}\n`);
  const identity = await resolveSigningIdentity(config);
  const log = jsonLinesLogger(process.stdout);
  // With a queue (workers collect) or a PostgreSQL history, schedulers on every host share that
  // database and claim each tick there: each tick runs once.
  const queueUrl = queueUrlOf(flags.queue, config);
  const claimsUrl = queueUrl ?? historyUrlOf(config)?.url;
  const claims = claimsUrl ? await openTickClaims(claimsUrl, `${config.organization}|${schedule.cron}|${schedule.timezone}`, `${hostname()}:${process.pid}`) : undefined;
  // One writer per dataDir, held for as long as this process may record runs (released on exit). With
  // shared tick claims, schedulers on several hosts share the history and the claims order them.
  const lock = claims ? undefined : await acquireDataDirLock(config.dataDir);
  try {
    const store = await openHistory(config);
    const { job, onFailure } = evidenceJob({
      config,
      store,
      packagesDir: packagesDirOf(config),
      knownControlIds,
      catalog: project.catalog,
      log,
      collect: async (inputs, evaluatedAt, signal) => {
        const source = await prepareSource({ ...flags, quiet: true }, config.regions, config.callDeadlineSeconds, retryOverride(flags, config.awsRetry));
        const collect = queueUrl ? distributedCollect(distributedOptionsOf(flags, config, queueUrl, signal ?? new AbortController().signal, (p) => log.log('info', 'run.shards', { ...p }))) : undefined;
        // Each operation starts from the rate the last run learned; this run's rates are kept for the next.
        const paces = pacesFrom(await store.learnedRates());
        const out = await runEvidence({ ...project, source, config, evaluatedAt, perAccountConcurrency, callConcurrency, exceptions: inputs.exceptions, manualEvidence: inputs.manualEvidence.map((m) => m.entry), collect, paces, workDir: packagesDirOf(config) });
        await store.saveLearnedRates(learnedRates(paces, new Date()));
        return out;
      },
      packageSteps: async (previous, context) => [
        renderReportsStep({ identity, pageSize: config.report?.pageSize, extras: { history: await historyPoints(store, config.observationWindows, new Date()), tracker: context.tracker } }),
        exportStep(exportOptions(undefined, config)),
        signPackageStep({ identity, previousManifestSha256: previous ?? null }),
      ],
      afterRun: async (packagePath, results, context) => {
        const report = await deliverRun(config.delivery, packagePath, results, {}, new Date(), undefined, context.previous);
        for (const error of report.errors) log.log('error', 'delivery.failed', { runId: results.run.id, error });
        return { ...(report.upload ? { uploaded: `s3://${report.upload.bucket}/${report.upload.prefix}/`, objectLock: report.upload.retention ?? null } : {}), ...(report.webhookStatus ? { webhookStatus: report.webhookStatus } : {}), ...(report.snsMessageId ? { snsMessageId: report.snsMessageId } : {}), ...(report.securityHub ? { securityHub: { imported: report.securityHub.imported, archived: report.securityHub.archived, failed: report.securityHub.failed, skippedOtherAccounts: report.securityHub.skippedOtherAccounts } } : {}) };
      },
    });
    const scheduler = new Scheduler({ schedule, job, onFailure, log, claimTick: claims?.claim });
    if (flags.once) {
      const stopped = stopOnSignals(scheduler);
      const result = await scheduler.tick('start');
      void stopped.then(exitPromptlyWhenDone);
      if (result === 'stopped') exitPromptlyWhenDone();
      await store.close();
      await claims?.close();
      return result === 'ran' || result === 'skipped_claimed' ? EXIT_OK : EXIT_FAILURE;
    }
    scheduler.start();
    await stopOnSignals(scheduler);
    exitPromptlyWhenDone();
    await store.close();
    await claims?.close();
  } finally {
    await lock?.release();
  }
}
