// One entry per control: status, what was checked, every failing and unknown resource, remediation,
// and the evidence records (pdf-finding-lists.ts).
import { CONTROL_STATUS_LABELS, SEVERITY_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { ControlView, ViewModel } from '../view-model/view-model.ts';
import { badge, ensureSpace, heading, keyValues, paragraphs, type Doc } from './pdf-blocks.ts';
import { evidenceList, findingList } from './pdf-finding-lists.ts';
import { COLOR, FONT, MARGIN, SIZE } from './pdf-theme.ts';
import type { TableOfContents } from './pdf-toc.ts';

export function controlDestination(id: string): string {
  return `control-${id}`;
}

function controlEntry(doc: Doc, c: ControlView, toc: TableOfContents): void {
  ensureSpace(doc, 160);
  if (doc.y > MARGIN.top + 1) doc.moveDown(1);
  toc.mark(`${c.title}`, 2, controlDestination(c.id));
  heading(doc, 2, c.title, { destination: controlDestination(c.id) });
  const y = doc.y;
  let x = MARGIN.left;
  x += badge(doc, x, y, CONTROL_STATUS_LABELS[c.status].toUpperCase(), STATUS_COLORS[c.status]) + 6;
  x += badge(doc, x, y, SEVERITY_LABELS[c.severity].toUpperCase(), '52606D') + 6;
  doc.font(FONT.mono).fontSize(SIZE.mono).fillColor(COLOR.muted).text(c.id, x + 4, y + 3, { lineBreak: false });
  doc.x = MARGIN.left;
  doc.y = y + SIZE.small + 12;
  doc.fillColor(COLOR.text);
  keyValues(doc, [
    ['What was checked', c.check],
    ['Why it matters', c.rationale],
    ['Requirements', c.requirements.join(', ')],
    ['Results', `${c.counts.fail} failing, ${c.counts.unknown} unknown, ${c.counts.pass} passing, ${c.counts.not_applicable} not applicable${c.automation === 'manual' ? ' (manual control: needs attested evidence)' : ''}`],
  ]);
  if (c.failing.length || c.status === 'fail') {
    heading(doc, 3, `Failing resources (${c.failing.length})`);
    findingList(doc, c.failing);
  }
  if (c.unknown.length || c.status === 'unknown') {
    heading(doc, 3, `Resources that could not be evaluated (${c.unknown.length})`);
    findingList(doc, c.unknown, 'No finding was produced: nothing was checked, so the control is unknown.');
  }
  if (c.status !== 'pass' && c.status !== 'not_applicable') {
    heading(doc, 3, 'Remediation');
    paragraphs(doc, c.remediation, { font: FONT.mono, size: SIZE.mono + 0.5, keepLines: true });
  }
  heading(doc, 3, `Evidence (${c.evidence.length} records)`);
  evidenceList(doc, c.evidence, 'No evidence record is cited by this control.');
}

export function controlSections(doc: Doc, vm: ViewModel, toc: TableOfContents): void {
  doc.addPage();
  toc.mark('Controls', 1, 'controls');
  heading(doc, 1, 'Controls', { destination: 'controls' });
  paragraphs(doc, 'Failing controls first, then controls that could not be evaluated, then the rest; within each, by severity. Every failing and unknown resource is listed.');
  for (const c of vm.controls) controlEntry(doc, c, toc);
}
