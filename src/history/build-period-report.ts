// The period report: statistics over the stored runs of a window, with the history chain checked,
// written as a folder that appears only when complete (same rule as run packages).
import { writeFile } from 'node:fs/promises';
import { confinedPath } from '../util/confined-path.ts';
import { writeFolderAtomically } from '../util/write-folder-atomically.ts';
import type { HistoryStore } from './history-store.ts';
import { verifyHistory, type HistoryVerification } from './verify-history.ts';
import { stableStringify } from '../util/stable-json.ts';
import { utcStamp } from '../package/package-name.ts';
import type { RunResults } from '../results/run-results.ts';
import { periodStats, type PeriodStats } from './period-stats.ts';
import type { Period } from './period-window.ts';

export const PERIOD_REPORT_SCHEMA = 'proofline-period-report';
export const PERIOD_REPORT_FILE = 'period-report.json';

export interface PeriodReport extends PeriodStats {
  schema: typeof PERIOD_REPORT_SCHEMA;
  schemaVersion: 1;
  generatedAt: string;
  organization?: string;
  /** The whole history's keyed chain check (always ok: a history that does not verify gets no report). */
  historyVerification: Pick<HistoryVerification, 'ok' | 'runs' | 'problems'>;
  /** Each run's chain entry digest, so the report pins exactly which runs it summarises. */
  runEntries: { runId: string; seq: number; entrySha256: string; manifestSha256?: string }[];
}

/** A stage that adds files to the period report folder (PDF, XLSX, signature). */
export type PeriodReportStep = (dir: string, report: PeriodReport) => Promise<void>;

/** The history a period report would summarise does not verify: no report is made from it. */
export class HistoryNotVerifiedError extends Error {
  constructor(readonly verification: HistoryVerification) {
    super(`the run history does not verify (${verification.problems.length} problem(s)); no period report is made from it:\n${verification.problems.map((p) => `  run #${p.seq}${p.runId ? ` (${p.runId})` : ''}: ${p.problem}`).join('\n')}\n(run \`proofline verify --history\` for details)`);
    this.name = 'HistoryNotVerifiedError';
  }
}

export async function buildPeriodReport(store: HistoryStore, period: Period, now: Date): Promise<PeriodReport> {
  // Checked first: a report over an edited history, or one that silently drops a run, is refused.
  const verification = await verifyHistory(store);
  if (!verification.ok) throw new HistoryNotVerifiedError(verification);
  const entries = store.runs({ from: period.fromInstant, to: period.toInstant });
  const succeeded = entries.filter((e) => e.status === 'succeeded');
  const results: RunResults[] = [];
  for (const e of succeeded) {
    const r = store.results(e.id);
    if (r) results.push(r);
  }
  const stats = periodStats({ ...(period.name ? { name: period.name } : {}), from: period.from, to: period.to }, results, entries.length - succeeded.length);
  return {
    schema: PERIOD_REPORT_SCHEMA,
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    ...(results.at(-1) ? { organization: results.at(-1)!.run.organization } : {}),
    ...stats,
    historyVerification: { ok: verification.ok, runs: verification.runs, problems: verification.problems },
    runEntries: succeeded.map((e) => ({ runId: e.id, seq: e.seq, entrySha256: e.entrySha256, ...(e.manifestSha256 ? { manifestSha256: e.manifestSha256 } : {}) })),
  };
}

export async function writePeriodReport(outDir: string, report: PeriodReport, steps: PeriodReportStep[] = []): Promise<string> {
  const name = `proofline-period-${report.window.from}-${report.window.to}-${utcStamp(new Date(report.generatedAt))}`;
  return writeFolderAtomically(outDir, name, async (tmp) => {
    await writeFile(confinedPath(tmp, PERIOD_REPORT_FILE), `${stableStringify(report, 2)}\n`);
    for (const step of steps) await step(tmp, report);
  }, { what: 'report' });
}
