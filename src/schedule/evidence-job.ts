// One scheduled run: load exceptions and manual evidence, collect and evaluate, write the package
// (atomically: an abort before the final rename leaves nothing), record it in the history with the
// previous manifest's digest, apply retention, deliver and notify.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ProoflineConfig } from '../config/config-schema.ts';
import type { loadManualEvidence } from '../manual-evidence/load-manual-evidence.ts';
import { manualEvidenceStep } from '../package/manual-package-step.ts';
import type { IterableResults } from '../results/run-results.ts';
import { loadRunInputs, type RunInputs } from '../run/load-run-inputs.ts';
import type { RunEvidenceOutput } from '../run/run-evidence.ts';
import { applyRetention } from '../history/apply-retention.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { HistoryEntry } from '../history/history-entry.ts';
import { packageManifestDigest } from '../history/manifest-digest.ts';
import { markFirstSeen } from '../history/first-seen.ts';
import { previousRun, type PreviousRun } from '../history/previous-run.ts';
import { trackerInputs } from '../history/tracker-inputs.ts';
import type { TrackerInputs } from '../render/tracker/carry-over.ts';
import { RESULTS_FILE, writePackage, type PackageInput, type PackageStep } from '../package/write-package.ts';
import { abortable } from './abortable.ts';
import type { JsonLogger } from './json-logger.ts';
import type { JobOutcome, ScheduledJob } from './scheduler.ts';

/** What a run knows of the run before it (from the history), for its renderers and its delivery. */
export interface RunContext {
  previous?: PreviousRun;
  tracker: TrackerInputs;
}

export interface EvidenceJobDeps {
  config: ProoflineConfig;
  store: HistoryStore;
  /** Folder the packages are written into. */
  packagesDir: string;
  /** Collects and evaluates (runEvidence with the project catalog and the source); dispose() is called once the run is done with. */
  collect: (inputs: RunInputs, evaluatedAt: Date, signal?: AbortSignal) => Promise<PackageInput & Partial<Pick<RunEvidenceOutput, 'dispose'>>>;
  /** Control ids of the catalog, so an exception for an unknown control is rejected. */
  knownControlIds?: ReadonlySet<string>;
  /** The catalog's frameworks, so manual evidence for an unknown requirement is rejected. */
  catalog?: Parameters<typeof loadManualEvidence>[2];
  /** Renderers and signer; they receive the digest the new manifest must name as its predecessor. */
  packageSteps?: (previousManifestSha256: string | undefined, context: RunContext) => PackageStep[] | Promise<PackageStep[]>;
  /** Upload and notifications after the run is recorded; their failure is logged, not a failed run. */
  afterRun?: (packagePath: string, results: IterableResults, context: RunContext) => Promise<Record<string, unknown>>;
  log: JsonLogger;
  now?: () => Date;
}

export function packagesDirOf(config: ProoflineConfig): string {
  return join(config.dataDir, 'packages');
}

/** The job for the Scheduler, and the hook that records a failed run. */
export function evidenceJob(deps: EvidenceJobDeps): { job: ScheduledJob; onFailure: (error: Error) => Promise<void> } {
  const now = deps.now ?? (() => new Date());
  let startedAt = now();
  const job: ScheduledJob = async (signal) => {
    startedAt = now();
    const inputs = await loadRunInputs(deps.config, startedAt, deps.knownControlIds, deps.catalog);
    for (const warning of inputs.warnings ?? []) deps.log.log('warn', 'input.warning', { warning });
    // Handed to writePackage, which releases the records once they are on disk and the findings and
    // evidence entries once results.json is: the job keeps only the run's metadata and summary.
    const collecting = deps.collect(inputs, startedAt, signal);
    const evidence = await abortable(collecting, signal).catch((err: unknown) => {
      // Aborted while collecting: the run's spool goes when its collection settles.
      collecting.then((e) => e.dispose?.(), () => undefined).catch(() => undefined);
      throw err;
    });
    try {
      const { run, summary } = evidence.results;
      signal.throwIfAborted();
      // The run before this one: first seen of each open finding, the tracker's carried columns, and
      // the findings fixed since (Resolved sheet, Security Hub archiving).
      const before = await previousRun(deps.store);
      evidence.results = await markFirstSeen(evidence.results, deps.store, before);
      const context: RunContext = { ...(before ? { previous: before } : {}), tracker: await trackerInputs(inputs.tracker, before) };
      if (context.tracker.note) deps.log.log('warn', 'tracker.not_carried', { reason: context.tracker.note });
      const previous = await deps.store.previousManifestDigest();
      const steps: PackageStep[] = [
        manualEvidenceStep(inputs.manualEvidence),
        ...((await deps.packageSteps?.(previous, context)) ?? []),
        // Last before the rename: an abort while rendering or signing leaves no package at all.
        async () => signal.throwIfAborted(),
      ];
      // The history row is written before the package is renamed into place (and the package removed if
      // the row cannot be written): no package in packages/ that the history does not know.
      let entry: HistoryEntry | undefined;
      const packagePath = await writePackage(deps.packagesDir, evidence, steps, {
        beforePublish: async (tmpDir, finalDir) => {
          entry = await deps.store.recordRun({
            id: run.id,
            startedAt: run.startedAt,
            finishedAt: now().toISOString(),
            status: 'succeeded',
            packagePath: finalDir,
            manifestSha256: await packageManifestDigest(tmpDir),
            // The results as the package holds them (the manifest signs these bytes).
            resultsFile: { path: join(tmpDir, RESULTS_FILE), summary },
          });
        },
      });
      if (!entry) throw new Error(`run ${run.id}: the package was written without a history entry`);
      const outcome: JobOutcome = { runId: run.id, seq: entry.seq, package: packagePath, findings: summary.findings, acceptedRisk: summary.acceptedRisk ?? 0 };
      try {
        const pruned = await applyRetention(deps.store, deps.config.retention, deps.config.observationWindows, now(), deps.packagesDir);
        if (pruned.length) deps.log.log('info', 'retention.pruned', { runs: pruned.map((p) => p.id) });
      } catch (err) {
        // The run itself is complete and recorded; a refused deletion is for the operator to look at.
        deps.log.log('error', 'retention.refused', { error: (err as Error).message });
      }
      if (deps.afterRun) {
        try {
          // The results whose findings and evidence are read from the published package's results.json.
          Object.assign(outcome, await deps.afterRun(packagePath, evidence.results, context));
        } catch (err) {
          deps.log.log('error', 'delivery.failed', { runId: run.id, error: (err as Error).message });
        }
      }
      return outcome;
    } finally {
      await evidence.dispose?.();
    }
  };
  const onFailure = async (error: Error) => {
    await deps.store.recordRun({ id: randomUUID(), startedAt: startedAt.toISOString(), finishedAt: now().toISOString(), status: 'failed', error: error.message });
  };
  return { job, onFailure };
}
