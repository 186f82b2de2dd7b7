// Vector charts: one stacked bar per framework (requirement statuses), with a legend. Drawn with
// paths, not images, so they stay sharp and searchable text sits next to them.
import type { RequirementStatus } from '../../map/requirement-status.ts';
import { REQUIREMENT_STATUS_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { FrameworkView } from '../view-model/view-model.ts';
import { ensureSpace, type Doc } from './pdf-blocks.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';

export const CHART_STATUSES: RequirementStatus[] = ['met', 'not_met', 'unknown', 'manual', 'inherited', 'inherited_no_evidence', 'not_applicable', 'out_of_scope'];

const LABEL_WIDTH = 110;
const BAR_HEIGHT = 16;

export function frameworkBars(doc: Doc, frameworks: FrameworkView[]): void {
  ensureSpace(doc, frameworks.length * (BAR_HEIGHT + 22) + 40);
  const barWidth = CONTENT_WIDTH - LABEL_WIDTH - 10;
  for (const fw of frameworks) {
    const total = CHART_STATUSES.reduce((n, s) => n + fw.counts[s], 0);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOR.text).text(fw.name, MARGIN.left, y + 3, { width: LABEL_WIDTH });
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted).text(`${total} requirements`, MARGIN.left, y + 15, { width: LABEL_WIDTH });
    let x = MARGIN.left + LABEL_WIDTH;
    doc.save().rect(x, y, barWidth, BAR_HEIGHT).fill('#EEEEEE').restore();
    for (const s of CHART_STATUSES) {
      const n = fw.counts[s];
      if (!n || !total) continue;
      const w = (n / total) * barWidth;
      doc.save().rect(x, y, w, BAR_HEIGHT).fill(`#${STATUS_COLORS[s]}`).restore();
      doc.font(FONT.bold).fontSize(SIZE.small);
      // Print the count inside its segment when it fits.
      if (doc.widthOfString(String(n)) + 4 < w) doc.fillColor('#FFFFFF').text(String(n), x, y + 4.5, { width: w, align: 'center', lineBreak: false });
      x += w;
    }
    doc.y = y + BAR_HEIGHT + 16;
  }
  legend(doc, CHART_STATUSES.map((s) => ({ label: REQUIREMENT_STATUS_LABELS[s], color: STATUS_COLORS[s] })));
}

/** Colour swatches with their labels, wrapping within the content width; `left` is where lines start. */
export function legend(doc: Doc, entries: { label: string; color: string }[], left = MARGIN.left + LABEL_WIDTH): void {
  let x = left;
  const y = doc.y;
  doc.font(FONT.regular).fontSize(SIZE.small);
  for (const { label, color } of entries) {
    const w = 12 + doc.widthOfString(label) + 10;
    if (x + w > MARGIN.left + CONTENT_WIDTH) {
      x = left;
      doc.y += 12;
    }
    doc.save().rect(x, doc.y + 1, 8, 8).fill(`#${color}`).restore();
    doc.fillColor(COLOR.text).text(label, x + 12, doc.y + 1, { lineBreak: false });
    x += w;
  }
  doc.y = Math.max(doc.y, y) + 20;
  doc.x = MARGIN.left;
}
