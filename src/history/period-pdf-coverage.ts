// Coverage of the window in period-report.pdf: the runs the schedule called for against the runs
// recorded, week by week over the whole window, gaps in the failure colour; then the requirement
// status of each framework per week (the week's last run).
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { heading, paragraphs } from '../render/pdf/pdf-blocks.ts';
import { CHART_STATUSES } from '../render/pdf/pdf-charts.ts';
import { table } from '../render/pdf/pdf-table.ts';
import { COLOR } from '../render/pdf/pdf-theme.ts';
import { REQUIREMENT_STATUS_LABELS, STATUS_COLORS } from '../render/view-model/labels.ts';
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import type { TableOfContents } from '../render/pdf/pdf-toc.ts';
import { startSection } from './period-pdf-section.ts';
import type { PeriodReport } from './build-period-report.ts';
import type { CoverageWeek } from './period-coverage.ts';
import { coverageText, firstRunText, frameworkName, scheduleText, WEEK_STATE_COLORS, WEEK_STATE_LABELS } from './period-labels.ts';
import { weeklyColumns, type WeekColumn } from './period-pdf-charts.ts';

const MISSED_LISTED = 4;
/** Lighter than any status colour: runs the schedule still calls for. */
const NOT_DUE_COLOR = 'D9DEE3';
/** Behind a week that has passed without a run. */
const NO_RUN_COLOR = 'FBE3E3';

function missedText(w: CoverageWeek): string {
  if (!w.missed) return '';
  if (w.missed === w.expected) return `all ${w.missed} scheduled run${w.missed === 1 ? '' : 's'}`;
  const shown = w.missedAt.slice(0, MISSED_LISTED).map((t) => `${t.slice(5, 10)} ${t.slice(11, 16)}`);
  return `${shown.join(', ')}${w.missed > MISSED_LISTED ? ` and ${w.missed - MISSED_LISTED} more` : ''}`;
}

function coverageColumns(r: PeriodReport): WeekColumn[] {
  return r.coverage.weeks.map((w) => ({
    from: w.from,
    segments:
      w.expected === null
        ? [{ value: w.succeeded, color: STATUS_COLORS.met }]
        : [
            { value: w.expected - (w.missed ?? 0), color: WEEK_STATE_COLORS.covered },
            { value: w.missed ?? 0, color: WEEK_STATE_COLORS.gap },
            { value: w.notYetDue, color: NOT_DUE_COLOR },
          ],
  }));
}

export function coverageSection(doc: Doc, r: PeriodReport, toc: TableOfContents): void {
  startSection(doc, toc, 'Coverage of the window', 'coverage');
  paragraphs(doc, `Schedule: ${scheduleText(r)}. Runs: ${coverageText(r)}. A scheduled run counts as covered when a run that succeeded started at or after its time and before the next scheduled time; a scheduled time that had passed when this report was made and that no run covered is missed. Weeks run from the window's first day; times are UTC.`);
  const late = firstRunText(r);
  if (late) paragraphs(doc, late, { color: COLOR.warning });
  if (r.interim) paragraphs(doc, `The window is still open: runs scheduled after ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC are shown as not yet due.`, { color: COLOR.warning });
  weeklyColumns(doc, coverageColumns(r), {
    height: 90,
    ...(r.interim ? { now: r.generatedAt } : {}),
    legend:
      r.coverage.expected === null
        ? [{ label: 'Succeeded runs', color: STATUS_COLORS.met }]
        : [
            { label: 'Scheduled run covered', color: WEEK_STATE_COLORS.covered },
            { label: 'Scheduled run missed (gap)', color: WEEK_STATE_COLORS.gap },
            { label: 'Scheduled, not yet due', color: NOT_DUE_COLOR },
          ],
  });
  heading(doc, 2, 'Expected and actual runs per week');
  table<CoverageWeek>(
    doc,
    [
      { header: 'Week (UTC)', width: 0.21, value: (w) => `${w.from} to ${w.to}` },
      { header: 'Scheduled (due)', width: 0.14, value: (w) => (w.expected === null ? '-' : `${w.expected}${w.notYetDue ? ` (+${w.notYetDue} later)` : ''}`) },
      { header: 'Succeeded', width: 0.11, value: (w) => String(w.succeeded) },
      { header: 'Failed', width: 0.08, value: (w) => String(w.failed), color: (w) => (w.failed ? `#${STATUS_COLORS.fail}` : undefined) },
      { header: 'Missed', width: 0.08, value: (w) => (w.missed === null || w.state === 'not_due' ? '-' : String(w.missed)), color: (w) => (w.missed ? `#${STATUS_COLORS.fail}` : undefined), bold: true },
      { header: 'Coverage', width: 0.12, value: (w) => WEEK_STATE_LABELS[w.state], color: (w) => `#${WEEK_STATE_COLORS[w.state]}`, bold: true },
      { header: 'Missed runs (scheduled, UTC)', width: 0.26, value: missedText, color: () => `#${STATUS_COLORS.fail}` },
    ],
    r.coverage.weeks,
  );
}

/** The week's requirement status counts: those of the last run that started in it. */
function weekCounts(r: PeriodReport, fw: FrameworkId, w: CoverageWeek): Record<string, number> | undefined {
  const to = `${w.to}T23:59:59.999Z`;
  const from = `${w.from}T00:00:00.000Z`;
  return (r.trend[fw] ?? []).filter((p) => p.at >= from && p.at <= to).at(-1)?.counts;
}

export function trendSection(doc: Doc, r: PeriodReport, toc: TableOfContents): void {
  const frameworks = (Object.keys(r.trend) as FrameworkId[]).filter((fw) => r.trend[fw]?.some((p) => Object.keys(p.counts).length));
  if (!frameworks.length) return;
  startSection(doc, toc, 'Requirement status over the window', 'trend');
  paragraphs(doc, "Per framework, the requirements of each week's last run by status; a week that passed without a run is shaded. A requirement counts as met in a run only when it was met; unknown is never met.");
  for (const fw of frameworks) {
    heading(doc, 2, `${frameworkName(fw)}: requirement status per week`);
    weeklyColumns(
      doc,
      r.coverage.weeks.map((w) => {
        const counts = weekCounts(r, fw, w);
        const past = `${w.from}T00:00:00.000Z` <= r.generatedAt;
        return { from: w.from, segments: CHART_STATUSES.map((s) => ({ value: counts?.[s] ?? 0, color: STATUS_COLORS[s] })), ...(!counts && past ? { shade: NO_RUN_COLOR } : {}) };
      }),
      { height: 70, ...(r.interim ? { now: r.generatedAt } : {}), legend: [...CHART_STATUSES.map((s) => ({ label: REQUIREMENT_STATUS_LABELS[s], color: STATUS_COLORS[s] })), { label: 'No run in the week', color: NO_RUN_COLOR }] },
    );
    const reqs = r.requirements[fw] ?? [];
    const n = (e: string) => reqs.filter((q) => q.evaluation === e).length;
    const changed = reqs.filter((q) => q.changes.length > 0).length;
    paragraphs(doc, `${reqs.length} requirements: ${n('met')} met in every run, ${n('failed')} not met in some run, ${n('not_evaluated')} not evaluated in some run (unknown, or awaiting attested evidence), ${n('not_applicable')} not applicable, inherited or out of scope throughout; ${changed} changed status during the window.`);
  }
}
