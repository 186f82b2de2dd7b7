// One section per framework: every requirement with its status and every control mapped to it, with the
// mapping's strength and justification (nothing left out: long rows continue below).
import type { Narrative } from '../narrative.ts';
import { requirementControlLines, requirementStatusText } from '../view-model/requirement-text.ts';
import { STATUS_COLORS } from '../view-model/labels.ts';
import type { RequirementView, ViewModel } from '../view-model/view-model.ts';
import { heading, paragraphs, type Doc } from './pdf-blocks.ts';
import { table } from './pdf-table.ts';
import type { TableOfContents } from './pdf-toc.ts';

export function frameworkSections(doc: Doc, vm: ViewModel, text: Narrative, toc: TableOfContents): void {
  for (const fw of vm.frameworks) {
    doc.addPage();
    const dest = `framework-${fw.id}`;
    toc.mark(fw.name, 1, dest);
    heading(doc, 1, fw.name, { destination: dest });
    paragraphs(doc, text.frameworkIntro(fw));
    table<RequirementView>(
      doc,
      [
        { header: 'Requirement', width: 0.13, value: (r) => r.id, bold: true },
        { header: 'Title', width: 0.23, value: (r) => (r.kind ? `${r.title} (${r.kind})` : r.title) },
        { header: 'Status', width: 0.14, value: (r) => requirementStatusText(r), color: (r) => `#${STATUS_COLORS[r.status]}`, bold: true },
        { header: 'Why; mapped controls (status, strength: justification)', width: 0.5, value: (r) => [r.reason, ...requirementControlLines(r)].join('\n') },
      ],
      fw.requirements,
    );
  }
}
