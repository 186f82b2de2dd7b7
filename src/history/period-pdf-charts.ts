// Column charts over the weeks of the whole observation window (not the span of the runs): one column
// per week, stacked segments, month marks under the axis, and a dashed line at the time of rendering
// while the window is open. Theme and legend are report.pdf's (src/render/pdf).
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { ensureSpace } from '../render/pdf/pdf-blocks.ts';
import { legend } from '../render/pdf/pdf-charts.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from '../render/pdf/pdf-theme.ts';

export interface WeekColumn {
  /** First day of the week (YYYY-MM-DD). */
  from: string;
  /** Bottom-up; color is hex without '#'. */
  segments: { value: number; color: string }[];
  /** Fills the week's whole height behind the column (hex, no '#'): e.g. a week that passed without a run. */
  shade?: string;
}

const AXIS_LABEL_WIDTH = 28;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function weeklyColumns(doc: Doc, weeks: WeekColumn[], opts: { height: number; now?: string; legend: { label: string; color: string }[] }): void {
  ensureSpace(doc, opts.height + 60);
  const left = MARGIN.left + AXIS_LABEL_WIDTH;
  const width = CONTENT_WIDTH - AXIS_LABEL_WIDTH;
  const top = doc.y + 12;
  const bottom = top + opts.height;
  const slot = width / Math.max(weeks.length, 1);
  const bar = Math.max(1.5, Math.min(22, slot * 0.7));
  const max = Math.max(1, ...weeks.map((w) => w.segments.reduce((n, s) => n + s.value, 0)));
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
  doc.text(String(max), MARGIN.left, top - 3, { width: AXIS_LABEL_WIDTH - 4, align: 'right', lineBreak: false });
  doc.text('0', MARGIN.left, bottom - 4, { width: AXIS_LABEL_WIDTH - 4, align: 'right', lineBreak: false });
  doc.save().moveTo(left, top).lineTo(left + width, top).lineWidth(0.3).dash(1, { space: 2 }).strokeColor(COLOR.rule).stroke().undash().restore();
  weeks.forEach((w, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    if (w.shade) doc.save().rect(left + i * slot + 0.5, top, slot - 1, opts.height).fill(`#${w.shade}`).restore();
    let y = bottom;
    for (const s of w.segments) {
      const h = (s.value / max) * opts.height;
      if (h <= 0) continue;
      y -= h;
      doc.save().rect(x, y, bar, h).fill(`#${s.color}`).restore();
    }
    const month = Number(w.from.slice(5, 7)) - 1;
    if (i === 0 || month !== Number(weeks[i - 1].from.slice(5, 7)) - 1) {
      doc.save().moveTo(left + i * slot, bottom).lineTo(left + i * slot, bottom + 4).lineWidth(0.5).strokeColor(COLOR.muted).stroke().restore();
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted).text(`${MONTHS[month]} ${w.from.slice(0, 4)}`, left + i * slot + 2, bottom + 3, { lineBreak: false });
    }
  });
  doc.save().moveTo(left, bottom).lineTo(left + width, bottom).lineWidth(0.6).strokeColor(COLOR.muted).stroke().restore();
  if (opts.now && weeks.length) {
    const start = Date.parse(`${weeks[0].from}T00:00:00Z`);
    const x = left + ((Date.parse(opts.now) - start) / (7 * 86_400_000)) * slot;
    if (x > left && x < left + width) {
      doc.save().moveTo(x, top - 4).lineTo(x, bottom).lineWidth(0.8).dash(2, { space: 2 }).strokeColor(COLOR.warning).stroke().undash().restore();
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.warning).text('rendered', x + 2, top - 12, { lineBreak: false });
    }
  }
  doc.x = MARGIN.left;
  doc.y = bottom + 18;
  legend(doc, opts.legend, left);
  doc.fillColor(COLOR.text);
}
