// "Scope and limitations" (what was examined, how, with which parameters, and what was not) and
// "Executive summary" sections.
import type { Narrative } from '../narrative.ts';
import { CONTROL_STATUS_LABELS, SEVERITY_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { GapView, ViewModel } from '../view-model/view-model.ts';
import { heading, keyValues, paragraphs, type Doc } from './pdf-blocks.ts';
import { frameworkBars } from './pdf-charts.ts';
import { table } from './pdf-table.ts';
import type { TableOfContents } from './pdf-toc.ts';

export function scopeSection(doc: Doc, vm: ViewModel, text: Narrative, toc: TableOfContents): void {
  doc.addPage();
  toc.mark('Scope and limitations', 1, 'scope');
  heading(doc, 1, 'Scope and limitations', { destination: 'scope' });
  paragraphs(doc, text.scope);
  keyValues(doc, [
    ['Evidence', vm.scope.evidenceOrigin],
    ['Collection window', vm.scope.collectionWindow],
    ['AWS accounts', vm.run.accounts.join(', ')],
    ['Regions', vm.run.regions.join(', ')],
    ['How regions were chosen', vm.scope.regionSelection],
    ['Frameworks', vm.run.frameworkNames.join(', ')],
  ]);
  heading(doc, 2, 'Parameters in force');
  paragraphs(doc, 'Every threshold the rules and the roll-up judged by; they are also in the signed manifest (manifest.json run.parameters).');
  keyValues(doc, vm.scope.parameters, { labelWidth: 170 });
  heading(doc, 2, 'Services examined');
  paragraphs(doc, 'The AWS services and operations this run holds evidence from (the collectors that ran), and the resource types the rules judged. Conclusions cover these only.');
  table<{ service: string; operations: string }>(
    doc,
    [
      { header: 'Service', width: 0.22, value: (s) => s.service, bold: true },
      { header: 'Operations called', width: 0.78, value: (s) => s.operations },
    ],
    vm.scope.examined,
    { emptyText: 'No evidence was collected.' },
  );
  keyValues(doc, [['Resource types judged', vm.scope.resourceTypes.join(', ')]], { labelWidth: 170 });
  heading(doc, 2, 'Not examined, and what that limits');
  paragraphs(doc, 'Proofline does not collect from these services. If they hold or serve personal data, health information or models in scope, the requirements listed are shown for the examined services only: their status says nothing about these services, which need separate evidence.');
  table<{ service: string; resourceTypes: string; limits: string }>(
    doc,
    [
      { header: 'Service', width: 0.2, value: (s) => s.service, bold: true },
      { header: 'Resources not examined', width: 0.3, value: (s) => s.resourceTypes },
      { header: 'Requirements whose conclusions this limits', width: 0.5, value: (s) => s.limits },
    ],
    vm.scope.notExamined,
  );
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
