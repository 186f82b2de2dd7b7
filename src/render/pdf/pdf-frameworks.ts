// One section per framework: every requirement with its status and the controls behind it.
import type { Narrative } from '../narrative.ts';
import { CONTROL_STATUS_LABELS, REQUIREMENT_STATUS_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
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
        { header: 'Requirement', width: 0.14, value: (r) => r.id, bold: true },
        { header: 'Title', width: 0.3, value: (r) => (r.kind ? `${r.title} (${r.kind})` : r.title) },
        { header: 'Status', width: 0.11, value: (r) => REQUIREMENT_STATUS_LABELS[r.status], color: (r) => `#${STATUS_COLORS[r.status]}`, bold: true },
        { header: 'Controls and why', width: 0.45, value: (r) => [r.reason, ...r.controls.map((c) => `${CONTROL_STATUS_LABELS[c.status]}: ${c.title} (${c.id})`)].join('\n') },
      ],
      fw.requirements,
    );
  }
}
