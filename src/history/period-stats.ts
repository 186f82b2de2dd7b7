// Period statistics over stored runs (a SOC 2 Type II observation window): per control and
// requirement, the share of runs in which it was met, when it changed state, and how long each
// failure took to remediate. Unknown is never met, and an unknown run does not end a failure.
// A run that could not judge an item (unknown, manual, expired attestation) is counted apart as
// "not evaluated": such an item is neither a failure to rank nor a clean row.
import { FRAMEWORK_IDS, type Coverage, type FrameworkId, type Severity } from '../catalog/catalog-schema.ts';
import type { ExceptionEntry, RunResults } from '../results/run-results.ts';

export interface StateChange {
  at: string;
  runId: string;
  from: string;
  to: string;
}

export interface FailureInterval {
  failedAt: string;
  /** First later run in which it was met; absent while still open at the end of the period. */
  remediatedAt?: string;
  hoursToRemediate?: number;
}

/** How an item fared over the period: what the PDF ranks, lists apart, or reports as met. */
export type PeriodEvaluation = 'failed' | 'not_evaluated' | 'met' | 'not_applicable';

export interface ItemHistory {
  id: string;
  title: string;
  /** Runs in which it was judged met or failing. */
  judgedRuns: number;
  metRuns: number;
  failedRuns: number;
  /** Runs that could not judge it (unknown, manual, expired attestation): never met, never a failure. */
  notEvaluatedRuns: number;
  /** metRuns / (judgedRuns + notEvaluatedRuns): unknown is never met; null when it never applied. */
  shareMet: number | null;
  /** failed: failed in some run; not_evaluated: never failed, not judged in some run; met: met whenever it applied. */
  evaluation: PeriodEvaluation;
  firstStatus: string;
  lastStatus: string;
  changes: StateChange[];
  failures: FailureInterval[];
}

export interface TrendPoint {
  at: string;
  runId: string;
  counts: Record<string, number>;
}

export interface PeriodStats {
  window: { name?: string; from: string; to: string };
  runs: { succeeded: number; failed: number; first?: string; last?: string; ids: string[] };
  controls: (ItemHistory & { severity: Severity })[];
  requirements: Partial<Record<FrameworkId, (ItemHistory & { coverage: Coverage })[]>>;
  /** Requirement status counts per run and framework: the data of the trend chart. */
  trend: Partial<Record<FrameworkId, TrendPoint[]>>;
  /** Every exception seen in the period, as of the last run that listed it. */
  exceptions: ExceptionEntry[];
}

// Any status not named here (a future one) counts as not evaluated: never met, never a clean row.
const CONTROL = { met: new Set(['pass', 'attested']), failing: new Set(['fail']), unjudged: new Set(['not_applicable']) };
const REQUIREMENT = { met: new Set(['met']), failing: new Set(['not_met', 'partial']), unjudged: new Set(['not_applicable', 'inherited', 'out_of_scope']) };

function history(points: { at: string; runId: string; status: string }[], rules: typeof CONTROL): Omit<ItemHistory, 'id' | 'title'> {
  const changes: StateChange[] = [];
  const failures: FailureInterval[] = [];
  let open: FailureInterval | undefined;
  let met = 0;
  let failed = 0;
  let notEvaluated = 0;
  points.forEach((p, i) => {
    if (rules.met.has(p.status)) met++;
    else if (rules.failing.has(p.status)) failed++;
    else if (!rules.unjudged.has(p.status)) notEvaluated++;
    if (i > 0 && points[i - 1].status !== p.status) changes.push({ at: p.at, runId: p.runId, from: points[i - 1].status, to: p.status });
    if (rules.failing.has(p.status) && !open) {
      open = { failedAt: p.at };
      failures.push(open);
    } else if (open && (rules.met.has(p.status) || rules.unjudged.has(p.status))) {
      open.remediatedAt = p.at;
      open.hoursToRemediate = Math.round(((Date.parse(p.at) - Date.parse(open.failedAt)) / 3_600_000) * 10) / 10;
      open = undefined;
    }
  });
  const applicable = met + failed + notEvaluated;
  const evaluation: PeriodEvaluation = failed ? 'failed' : notEvaluated ? 'not_evaluated' : applicable ? 'met' : 'not_applicable';
  return { judgedRuns: met + failed, metRuns: met, failedRuns: failed, notEvaluatedRuns: notEvaluated, shareMet: applicable ? met / applicable : null, evaluation, firstStatus: points[0]?.status ?? 'unknown', lastStatus: points.at(-1)?.status ?? 'unknown', changes, failures };
}

export function periodStats(window: PeriodStats['window'], stored: readonly RunResults[], failedRuns = 0): PeriodStats {
  const runs = [...stored].sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt));
  const latest = runs.at(-1);
  const controlIds = [...new Set(runs.flatMap((r) => r.controls.map((c) => c.id)))].sort();
  const controls = controlIds.map((id) => {
    const points = runs.map((r) => ({ at: r.run.startedAt, runId: r.run.id, status: r.controls.find((c) => c.id === id)?.status ?? 'unknown' }));
    const meta = [...runs].reverse().flatMap((r) => r.controls.filter((c) => c.id === id))[0];
    return { id, title: meta.title, severity: meta.severity, ...history(points, CONTROL) };
  });
  const requirements = {} as PeriodStats['requirements'];
  const trend = {} as PeriodStats['trend'];
  // The frameworks some run of the period reported on.
  for (const fw of FRAMEWORK_IDS.filter((id) => runs.some((r) => r.requirements[id]))) {
    const ids = [...new Set(runs.flatMap((r) => (r.requirements[fw] ?? []).map((q) => q.id)))];
    requirements[fw] = ids.map((id) => {
      const points = runs.map((r) => ({ at: r.run.startedAt, runId: r.run.id, status: r.requirements[fw]?.find((q) => q.id === id)?.status ?? 'unknown' }));
      const meta = [...runs].reverse().flatMap((r) => (r.requirements[fw] ?? []).filter((q) => q.id === id))[0];
      return { id, title: meta.title, coverage: meta.coverage, ...history(points, REQUIREMENT) };
    });
    trend[fw] = runs.map((r) => {
      const counts: Record<string, number> = {};
      for (const q of r.requirements[fw] ?? []) counts[q.status] = (counts[q.status] ?? 0) + 1;
      return { at: r.run.startedAt, runId: r.run.id, counts };
    });
  }
  const exceptions = new Map<string, ExceptionEntry>();
  for (const r of runs) for (const e of r.exceptions ?? []) exceptions.set(e.id, e);
  return {
    window,
    runs: { succeeded: runs.length, failed: failedRuns, ...(runs[0] ? { first: runs[0].run.startedAt } : {}), ...(latest ? { last: latest.run.startedAt } : {}), ids: runs.map((r) => r.run.id) },
    controls,
    requirements,
    trend,
    exceptions: [...exceptions.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
