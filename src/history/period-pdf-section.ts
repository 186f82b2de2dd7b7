// A top-level section of period-report.pdf: a new page, the heading with its link target, and a PDF
// bookmark (report.pdf's TableOfContents, which adds bookmarks in the final pass only).
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { heading } from '../render/pdf/pdf-blocks.ts';
import type { TableOfContents } from '../render/pdf/pdf-toc.ts';

export function startSection(doc: Doc, toc: TableOfContents, title: string, destination: string): void {
  doc.addPage();
  toc.mark(title, 1, destination);
  heading(doc, 1, title, { destination });
}
