// Running header and footer on every page but the cover: what the document is and when on top,
// "Page X of Y" below. Drawn as each page is added in the final pass (pages are streamed out, never
// held), with Y known from the first rendering pass. Shared by report.pdf and period-report.pdf.
import type { Doc } from './pdf-blocks.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';
import { currentPageIndex } from './pdf-toc.ts';

/** The texts of the running header (left, right) and footer (left; the page number is on the right). */
export interface PageFurniture {
  title: string;
  when: string;
  footer: string;
  /** Also number the cover ("Page 1 of Y", nothing else: the cover has its own layout). */
  numberCover?: boolean;
}

/**
 * `totalPages` undefined: the measuring pass, which draws none of it (the furniture is in the margins
 * and never moves the layout; drawing it was a tenth of that pass). Each text is one unwrapped line,
 * placed here (right-aligned ones from their width), so pdfkit's line wrapper is not run for it.
 */
export function drawPageFurnitureOnEachPage(doc: Doc, furniture: PageFurniture, totalPages: number | undefined): void {
  if (totalPages === undefined) return;
  let title: string | undefined; // the same on every page: fitted once
  const right = MARGIN.left + CONTENT_WIDTH;
  doc.on('pageAdded', () => {
    const index = currentPageIndex(doc);
    if (index === 0 && !furniture.numberCover) return; // the cover has its own layout
    const page = doc.page;
    // Leave the caller's text state as it was: position, font (pdfkit keeps it on the document) and color.
    const { x, y } = doc;
    const { style, size } = doc.textState;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0; // writing in the margin must not trigger an automatic page break
    doc.save();
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    const footY = page.height - MARGIN.bottom + 22;
    if (index > 0) {
      title ??= doc.fitted(furniture.title, CONTENT_WIDTH * 0.6);
      doc.text(title, MARGIN.left, 30, { lineBreak: false });
      doc.text(furniture.when, right - doc.widthOfString(furniture.when), 30, { lineBreak: false });
      doc.moveTo(MARGIN.left, 44).lineTo(right, 44).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.moveTo(MARGIN.left, footY - 8).lineTo(right, footY - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.text(furniture.footer, MARGIN.left, footY, { lineBreak: false });
    }
    const number = `Page ${index + 1} of ${totalPages}`;
    doc.text(number, right - doc.widthOfString(number), footY, { lineBreak: false });
    doc.restore();
    page.margins.bottom = bottom;
    doc.font(style).fontSize(size);
    doc.x = x;
    doc.y = y;
  });
}
