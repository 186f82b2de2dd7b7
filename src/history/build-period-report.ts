// The period report: statistics over the stored runs of a window, with the history chain checked,
// the window's coverage by its schedule and the register of its runs, written as a folder that
// appears only when complete (same rule as run packages).
import { writeFile } from 'node:fs/promises';
import { confinedPath } from '../util/confined-path.ts';
import { writeFolderAtomically } from '../util/write-folder-atomically.ts';
import type { HistoryStore } from './history-store.ts';
import { verifyHistory, type HistoryVerification } from './verify-history.ts';
import { stableStringify } from '../util/stable-json.ts';
import { TOOL_NAME, TOOL_VERSION } from '../util/version.ts';
import { utcStamp } from '../package/package-name.ts';
import type { RunResults } from '../results/run-results.ts';
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import type { ScheduleConfig } from '../config/operations-config.ts';
import { periodCoverage, type PeriodCoverage } from './period-coverage.ts';
import { periodStats, type PeriodStats } from './period-stats.ts';
import type { Period } from './period-window.ts';

export const PERIOD_REPORT_SCHEMA = 'proofline-period-report';
export const PERIOD_REPORT_FILE = 'period-report.json';

type RunSource = RunResults['run']['source'];

/** One run of the window as the history holds it: what an auditor samples from. */
export interface RegisteredRun {
  seq: number;
  runId: string;
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  error?: string;
  /** Where its evidence came from (absent for a failed run: it has no results). */
  source?: RunSource;
  /** SHA-256 of the package's manifest.json, as recorded in the keyed history. */
  manifestSha256?: string;
  /** The history chain entry digest: pins exactly which run the report summarises. */
  entrySha256: string;
  /** When retention removed the package (its history row and results stay). */
  prunedAt?: string;
}

/** What the runs of the window looked at, from their results. */
export interface PeriodScope {
  accounts: string[];
  regions: string[];
  frameworks: FrameworkId[];
  /** Each distinct evidence source with the number of runs that used it. */
  sources: { source: RunSource; runs: number }[];
  tools: { version: string; runs: number }[];
  catalogDigests: { digest: string; runs: number }[];
}

export interface PeriodReport extends PeriodStats {
  schema: typeof PERIOD_REPORT_SCHEMA;
  schemaVersion: 2;
  /** The time of rendering; the window is interim while its end is after it. */
  generatedAt: string;
  /** The tool that made the report (the runs' own versions are in scope.tools). */
  tool: { name: string; version: string };
  /** The window had not ended when the report was made: its statistics are provisional. */
  interim: boolean;
  organization?: string;
  scope: PeriodScope;
  coverage: PeriodCoverage;
  /** The whole history's keyed chain check (always ok: a history that does not verify gets no report). */
  historyVerification: Pick<HistoryVerification, 'ok' | 'runs' | 'checkedPackages' | 'problems' | 'notes'>;
  /** Every run of the window, succeeded and failed, in history order. */
  runRegister: RegisteredRun[];
}

export interface PeriodReportOptions {
  /** The config's schedule: what the coverage compares the runs with. */
  schedule?: Pick<ScheduleConfig, 'cron' | 'timezone'>;
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

function tally<T>(items: readonly T[], key: (t: T) => string): { item: T; runs: number }[] {
  const m = new Map<string, { item: T; runs: number }>();
  for (const t of items) {
    const k = key(t);
    const e = m.get(k);
    if (e) e.runs++;
    else m.set(k, { item: t, runs: 1 });
  }
  return [...m.values()];
}

function periodScope(results: readonly RunResults[]): PeriodScope {
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  return {
    accounts: sorted(results.flatMap((r) => r.run.scope.accounts)),
    regions: sorted(results.flatMap((r) => r.run.scope.regions)),
    frameworks: [...new Set(results.flatMap((r) => r.run.frameworks))],
    sources: tally(results.map((r) => r.run.source), (s) => stableStringify(s)).map(({ item, runs }) => ({ source: item, runs })),
    tools: tally(results.map((r) => r.run.tool.version), (v) => v).map(({ item, runs }) => ({ version: item, runs })),
    catalogDigests: tally(results.map((r) => r.run.catalogDigest), (d) => d).map(({ item, runs }) => ({ digest: item, runs })),
  };
}

export async function buildPeriodReport(store: HistoryStore, period: Period, now: Date, opts: PeriodReportOptions = {}): Promise<PeriodReport> {
  // Checked first: a report over an edited history, or one that silently drops a run, is refused.
  const verification = await verifyHistory(store);
  if (!verification.ok) throw new HistoryNotVerifiedError(verification);
  const entries = await store.runs({ from: period.fromInstant, to: period.toInstant });
  const succeeded = entries.filter((e) => e.status === 'succeeded');
  const results = new Map<string, RunResults>();
  for (const e of succeeded) {
    const r = await store.results(e.id);
    if (r) results.set(e.id, r);
  }
  const runs = [...results.values()];
  const stats = periodStats({ ...(period.name ? { name: period.name } : {}), from: period.from, to: period.to }, runs, entries.length - succeeded.length);
  const latest = stats.runs.ids.at(-1);
  return {
    schema: PERIOD_REPORT_SCHEMA,
    schemaVersion: 2,
    generatedAt: now.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    interim: Date.parse(period.toInstant) > now.getTime(),
    ...(latest ? { organization: results.get(latest)!.run.organization } : {}),
    ...stats,
    scope: periodScope(runs),
    coverage: periodCoverage(period, opts.schedule, entries, now),
    historyVerification: { ok: verification.ok, runs: verification.runs, checkedPackages: verification.checkedPackages, problems: verification.problems, notes: verification.notes },
    runRegister: entries.map((e) => {
      const source = results.get(e.id)?.run.source;
      return {
        seq: e.seq,
        runId: e.id,
        startedAt: e.startedAt,
        finishedAt: e.finishedAt,
        status: e.status,
        ...(e.error ? { error: e.error } : {}),
        ...(source ? { source } : {}),
        ...(e.manifestSha256 ? { manifestSha256: e.manifestSha256 } : {}),
        entrySha256: e.entrySha256,
        ...(e.prunedAt ? { prunedAt: e.prunedAt } : {}),
      };
    }),
  };
}

export async function writePeriodReport(outDir: string, report: PeriodReport, steps: PeriodReportStep[] = []): Promise<string> {
  const name = `proofline-period-${report.window.from}-${report.window.to}-${utcStamp(new Date(report.generatedAt))}`;
  return writeFolderAtomically(outDir, name, async (tmp) => {
    await writeFile(confinedPath(tmp, PERIOD_REPORT_FILE), `${stableStringify(report, 2)}\n`);
    for (const step of steps) await step(tmp, report);
  }, { what: 'report' });
}
