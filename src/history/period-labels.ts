// Words of the period report, shared by its PDF and its XLSX, built on the package report's labels
// (src/render/view-model/labels.ts) so both reports name statuses, frameworks and sources alike.
// No raw enum value (not_met, not_evaluated) reaches a reader.
import { CONTROL_STATUS_LABELS, FRAMEWORK_NAMES, REQUIREMENT_STATUS_LABELS, STATUS_COLORS } from '../render/view-model/labels.ts';
import { sourceLabel } from '../render/view-model/build-view-model.ts';
import { utcText } from '../render/pdf/pdf-format.ts';
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import type { PeriodReport, RegisteredRun } from './build-period-report.ts';
import type { WeekState } from './period-coverage.ts';
import type { ItemHistory, PeriodEvaluation } from './period-stats.ts';

export const WEEK_STATE_LABELS: Record<WeekState, string> = { covered: 'Covered', gap: 'Gap', not_due: 'Not yet due', unscheduled: 'No schedule' };

/** Hex (no '#') as in labels.ts: a gap reads like a failure, a covered week like a pass. */
export const WEEK_STATE_COLORS: Record<WeekState, string> = { covered: STATUS_COLORS.pass, gap: STATUS_COLORS.fail, not_due: STATUS_COLORS.not_applicable, unscheduled: STATUS_COLORS.unknown };

export const EVALUATION_LABELS: Record<PeriodEvaluation, string> = { failed: 'Failed in some run', not_evaluated: 'Not evaluated', met: 'Met in every run', not_applicable: 'Not applicable' };

export const RUN_STATUS_LABELS: Record<RegisteredRun['status'], string> = { succeeded: 'Succeeded', failed: 'Failed' };

export type ItemKind = 'control' | 'requirement';

/** A control or requirement status in the package report's words; anything unforeseen as "Unknown". */
export function statusLabel(kind: ItemKind, status: string): string {
  const labels: Record<string, string> = kind === 'control' ? CONTROL_STATUS_LABELS : REQUIREMENT_STATUS_LABELS;
  return labels[status] ?? (status === 'partial' ? 'Partially met' : 'Unknown');
}

export function frameworkName(id: FrameworkId | string): string {
  return FRAMEWORK_NAMES[id as FrameworkId] ?? id;
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

export function percent(share: number | null): string {
  return share === null ? 'not applicable' : `${Math.round(share * 100)}%`;
}

export function changesText(kind: ItemKind, item: Pick<ItemHistory, 'changes'>): string {
  return item.changes.map((c) => `${dayOf(c.at)} ${statusLabel(kind, c.from)} -> ${statusLabel(kind, c.to)}`).join('; ');
}

export function failuresText(item: Pick<ItemHistory, 'failures'>): string {
  return item.failures.map((f) => `${dayOf(f.failedAt)} to ${f.remediatedAt ? `${dayOf(f.remediatedAt)} (${f.hoursToRemediate} h)` : 'still open'}`).join('; ');
}

export function medianHoursToFix(item: Pick<ItemHistory, 'failures'>): number | undefined {
  const hours = item.failures.flatMap((f) => (f.hoursToRemediate === undefined ? [] : [f.hoursToRemediate])).sort((a, b) => a - b);
  return hours.length ? hours[Math.floor((hours.length - 1) / 2)] : undefined;
}

/** Failed in N of M runs, with the runs that could not judge it said apart. */
export function failedInText(item: Pick<ItemHistory, 'failedRuns' | 'judgedRuns' | 'notEvaluatedRuns'>): string {
  const of = item.judgedRuns + item.notEvaluatedRuns;
  return `${item.failedRuns} of ${of} run${of === 1 ? '' : 's'}${item.notEvaluatedRuns ? ` (not evaluated in ${item.notEvaluatedRuns})` : ''}`;
}

export function runSourceText(run: Pick<RegisteredRun, 'source' | 'status'>, brief = false): string {
  const s = run.source;
  if (!s) return run.status === 'failed' ? 'none (the run failed)' : 'not recorded';
  if (!brief || !s.verification) return sourceLabel(s);
  return `${s.location ? `${s.kind} (${s.location})` : s.kind}; ${s.verification.status === 'verified' ? 'source verified' : 'UNVERIFIED SOURCE'}`;
}

/** Why the reader sees gaps, in one sentence; also for the XLSX summary. */
export function firstRunText(r: Pick<PeriodReport, 'window' | 'coverage' | 'runs'>): string | undefined {
  const days = r.coverage.daysBeforeFirstRun;
  if (days === null) return `No run succeeded in the window ${r.window.from} to ${r.window.to}.`;
  if (days === 0) return undefined;
  const first = dayOf(r.runs.first!);
  return `The window opened on ${r.window.from}; the first run came on ${first}, ${days} day${days === 1 ? '' : 's'} later: no evidence covers ${r.window.from} to ${dayOf(new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString())}.`;
}

export function scheduleText(r: Pick<PeriodReport, 'coverage'>): string {
  const s = r.coverage.schedule;
  return s ? `cron "${s.cron}" in ${s.timezone}` : 'none in the config';
}

export function coverageText(r: Pick<PeriodReport, 'coverage'>): string {
  const c = r.coverage;
  if (c.expected === null) return `${c.succeeded} succeeded, ${c.failed} failed; ${c.scheduleNote ?? 'expected runs not computed'}`;
  return `${c.expected} scheduled run${c.expected === 1 ? '' : 's'} due, ${c.expected - c.missed!} covered by a run, ${c.missed} missed; ${c.succeeded} succeeded and ${c.failed} failed run${c.failed === 1 ? '' : 's'} recorded`;
}

export function chainText(r: Pick<PeriodReport, 'historyVerification'>): string {
  const v = r.historyVerification;
  if (!v.ok) return `BROKEN: ${v.problems.length} problem(s): ${v.problems.map((p) => `run #${p.seq} ${p.problem}`).join('; ')}`;
  return `Intact: all ${v.runs} run${v.runs === 1 ? '' : 's'} of the history verified (hash chain and keyed MACs); ${v.checkedPackages} kept package${v.checkedPackages === 1 ? '' : 's'} matched ${v.checkedPackages === 1 ? 'its' : 'their'} recorded manifest digest`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const LISTED = 8;

function listOrCount(items: readonly string[], noun: string): string {
  if (items.length <= LISTED) return items.join(', ') || '(none)';
  return `${items.length} ${noun}: ${items.slice(0, LISTED).join(', ')}, ...`;
}

/** The report's provenance as label / value pairs: the PDF cover and the XLSX Summary sheet. */
export function periodFacts(r: PeriodReport): [string, string][] {
  const s = r.scope;
  const windowName = r.window.name ? `${r.window.name}: ` : '';
  return [
    ['Organization', r.organization ?? '-'],
    ['Frameworks', s.frameworks.map(frameworkName).join(', ') || '-'],
    ['Observation window', `${windowName}${r.window.from} to ${r.window.to} (UTC days, inclusive)`],
    ['Report status', r.interim ? `Interim: the window is still open (it ends ${r.window.to}); this report covers the runs up to ${utcText(r.generatedAt)}` : `Final: the window ended ${r.window.to}`],
    ['AWS accounts', listOrCount(s.accounts, 'accounts')],
    ['Regions', listOrCount(s.regions, 'regions')],
    ['Runs', r.runs.first ? `${r.runs.succeeded} succeeded, ${r.runs.failed} failed; first ${utcText(r.runs.first)}, last ${utcText(r.runs.last)}` : `none succeeded, ${r.runs.failed} failed`],
    ['Evidence sources', s.sources.map((x) => `${runSourceText({ source: x.source, status: 'succeeded' })} (${plural(x.runs, 'run')})`).join('\n') || '-'],
    ['Schedule', scheduleText(r)],
    ['Coverage', coverageText(r)],
    ['History chain', chainText(r)],
    ['Tool', `${r.tool.name} ${r.tool.version} (report); runs made with ${s.tools.map((t) => `${t.version} (${plural(t.runs, 'run')})`).join(', ') || '-'}`],
    ['Catalog digest', s.catalogDigests.map((d) => `sha256:${d.digest}${s.catalogDigests.length > 1 ? ` (${plural(d.runs, 'run')})` : ''}`).join('\n') || '-'],
    ['Generated', utcText(r.generatedAt)],
  ];
}
