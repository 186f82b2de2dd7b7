// Running header and footer on every page but the cover: organization and run time on top,
// "Page X of Y" below. Drawn after all content exists, when Y is known (pdfkit's bufferPages).
import type { ViewModel } from '../view-model/view-model.ts';
import type { Doc } from './pdf-blocks.ts';
import { utcText } from './pdf-format.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';

export function drawPageFurniture(doc: Doc, vm: ViewModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    if (i === 0) continue; // the cover has its own layout
    doc.switchToPage(i);
    const page = doc.page;
    // Writing inside the margins must not trigger pdfkit's automatic page break.
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(`${vm.run.organization} - evidence report`, MARGIN.left, 30, { width: CONTENT_WIDTH * 0.6, lineBreak: false, ellipsis: true });
    doc.text(`Run ${utcText(vm.run.startedAt)}`, MARGIN.left + CONTENT_WIDTH * 0.6, 30, { width: CONTENT_WIDTH * 0.4, align: 'right', lineBreak: false });
    doc.moveTo(MARGIN.left, 44).lineTo(MARGIN.left + CONTENT_WIDTH, 44).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const footY = page.height - MARGIN.bottom + 22;
    doc.moveTo(MARGIN.left, footY - 8).lineTo(MARGIN.left + CONTENT_WIDTH, footY - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.text(`${vm.run.toolName} ${vm.run.toolVersion} - signed package, verify with: proofline verify`, MARGIN.left, footY, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.text(`Page ${i + 1} of ${count}`, MARGIN.left + CONTENT_WIDTH * 0.7, footY, { width: CONTENT_WIDTH * 0.3, align: 'right', lineBreak: false });
    page.margins.bottom = bottom;
  }
}
