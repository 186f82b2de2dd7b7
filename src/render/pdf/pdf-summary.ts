// "Scope and methodology" and "Executive summary" sections.
import type { Narrative } from '../narrative.ts';
import { CONTROL_STATUS_LABELS, SEVERITY_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { GapView, ViewModel } from '../view-model/view-model.ts';
import { heading, keyValues, paragraphs, type Doc } from './pdf-blocks.ts';
import { frameworkBars } from './pdf-charts.ts';
import { table } from './pdf-table.ts';
import type { TableOfContents } from './pdf-toc.ts';

export function scopeSection(doc: Doc, vm: ViewModel, text: Narrative, toc: TableOfContents): void {
  doc.addPage();
  toc.mark('Scope and methodology', 1, 'scope');
  heading(doc, 1, 'Scope and methodology', { destination: 'scope' });
  paragraphs(doc, text.scope);
  keyValues(doc, [
    ['AWS accounts', vm.run.accounts.join(', ')],
    ['Regions', vm.run.regions.join(', ')],
    ['Frameworks', vm.run.frameworkNames.join(', ')],
  ]);
  heading(doc, 2, 'Methodology');
  paragraphs(doc, text.methodology);
}

export function executiveSummary(doc: Doc, vm: ViewModel, text: Narrative, toc: TableOfContents): void {
  doc.addPage();
  toc.mark('Executive summary', 1, 'summary');
  heading(doc, 1, 'Executive summary', { destination: 'summary' });
  paragraphs(doc, text.executiveSummary);
  heading(doc, 2, 'Requirement status by framework');
  frameworkBars(doc, vm.frameworks);
  heading(doc, 2, 'Top gaps by severity');
  table<GapView>(
    doc,
    [
      { header: 'Severity', width: 0.1, value: (g) => SEVERITY_LABELS[g.severity], bold: true },
      { header: 'Control', width: 0.5, value: (g) => `${g.title}\n${g.controlId}` },
      { header: 'Status', width: 0.12, value: (g) => CONTROL_STATUS_LABELS[g.status], color: (g) => `#${STATUS_COLORS[g.status]}`, bold: true },
      { header: 'Failing resources', width: 0.14, value: (g) => String(g.failing) },
      { header: 'Unknown resources', width: 0.14, value: (g) => String(g.unknown) },
    ],
    vm.topGaps,
    { emptyText: 'No control fails or is unknown.' },
  );
}
