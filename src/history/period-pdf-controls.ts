// Controls in period-report.pdf: ranked only among those that failed in some run of the window (met
// least often first), then, apart, the controls no run could judge fully (unknown, manual, expired
// attestation): "not evaluated", never a clean "0 failures" row.
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { heading, paragraphs } from '../render/pdf/pdf-blocks.ts';
import { table } from '../render/pdf/pdf-table.ts';
import { SEVERITY_LABELS, SEVERITY_RANK, STATUS_COLORS } from '../render/view-model/labels.ts';
import type { TableOfContents } from '../render/pdf/pdf-toc.ts';
import { startSection } from './period-pdf-section.ts';
import type { PeriodReport } from './build-period-report.ts';
import { failedInText, medianHoursToFix, percent, statusLabel } from './period-labels.ts';

type ControlRow = PeriodReport['controls'][number];
type Ranked = ControlRow & { rank: number };

export function rankFailedControls(controls: readonly ControlRow[]): Ranked[] {
  return controls
    .filter((c) => c.evaluation === 'failed')
    .sort((a, b) => (a.shareMet ?? 0) - (b.shareMet ?? 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id))
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

export function notEvaluatedControls(controls: readonly ControlRow[]): ControlRow[] {
  return controls.filter((c) => c.evaluation === 'not_evaluated').sort((a, b) => b.notEvaluatedRuns - a.notEvaluatedRuns || a.id.localeCompare(b.id));
}

const severity = (c: ControlRow) => SEVERITY_LABELS[c.severity];
const FAIL = `#${STATUS_COLORS.fail}`;
const statusColor = (c: ControlRow) => `#${STATUS_COLORS[c.lastStatus as keyof typeof STATUS_COLORS] ?? STATUS_COLORS.unknown}`;

export function controlsSection(doc: Doc, r: PeriodReport, toc: TableOfContents): void {
  const ranked = rankFailedControls(r.controls);
  const apart = notEvaluatedControls(r.controls);
  const met = r.controls.filter((c) => c.evaluation === 'met').length;
  startSection(doc, toc, 'Controls that failed during the window', 'controls');
  paragraphs(doc, `${r.controls.length} controls: ${ranked.length} failed in at least one run, ${apart.length} could not be evaluated in some run and never failed (listed apart below), ${met} met in every run that judged them. Ranked among the failed controls only: met in the fewest runs first, then by severity. "Met" is the share of the runs in which the control applied; a run that could not evaluate it counts as not met.`);
  table<Ranked>(
    doc,
    [
      { header: '#', width: 0.05, value: (c) => String(c.rank) },
      { header: 'Control', width: 0.39, value: (c) => `${c.title}\n${c.id}` },
      { header: 'Severity', width: 0.09, value: severity },
      { header: 'Failed in', width: 0.14, value: failedInText, color: () => FAIL },
      { header: 'Met', width: 0.07, value: (c) => percent(c.shareMet) },
      { header: 'At the end', width: 0.1, value: (c) => statusLabel('control', c.lastStatus), color: statusColor },
      { header: 'Median time to fix', width: 0.16, value: (c) => { const h = medianHoursToFix(c); const open = c.failures.filter((f) => !f.remediatedAt).length; return `${h === undefined ? 'never fixed' : `${h} h`}${open ? `\n${open} failure${open === 1 ? '' : 's'} open` : ''}`; } },
    ],
    ranked,
    { emptyText: 'No control failed in any run of the window.' },
  );
  heading(doc, 2, `Not evaluated (${apart.length})`, { destination: 'not-evaluated' });
  paragraphs(doc, 'These controls never failed, but in some runs they could not be judged: evidence was missing or a field the rule needs was absent (Unknown), or they need attested evidence that was not supplied or has expired (Manual, Expired). They are neither failures nor passes.');
  table<ControlRow>(
    doc,
    [
      { header: 'Control', width: 0.46, value: (c) => `${c.title}\n${c.id}` },
      { header: 'Severity', width: 0.1, value: severity },
      { header: 'Not evaluated in', width: 0.16, value: (c) => `${c.notEvaluatedRuns} of ${c.judgedRuns + c.notEvaluatedRuns} runs` },
      { header: 'Met in', width: 0.12, value: (c) => `${c.metRuns} run${c.metRuns === 1 ? '' : 's'}` },
      { header: 'At the end', width: 0.16, value: (c) => statusLabel('control', c.lastStatus), color: statusColor },
    ],
    apart,
    { emptyText: 'Every control was evaluated in every run.' },
  );
}
