// Text blocks of the report: headings (with outline entries and link targets), paragraphs, key-value
// lists, status badges. Every block makes room for itself so nothing is split awkwardly.
import { rowPlan } from './pdf-row-plan.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';
import type { MultiScriptDocument } from './multi-script-document.ts';

export type Doc = MultiScriptDocument;

export function bottomLimit(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export function heading(doc: Doc, level: 1 | 2 | 3, text: string, opts: { destination?: string; newPage?: boolean } = {}): void {
  if (opts.newPage) doc.addPage();
  const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
  ensureSpace(doc, size * 4); // keep a heading with the first lines after it
  if (level > 1 && doc.y > MARGIN.top + 1) doc.moveDown(0.6);
  if (opts.destination) doc.addNamedDestination(opts.destination, 'XYZ', doc.x, doc.page.height - doc.y + 4, null);
  doc.font(FONT.bold).fontSize(size).fillColor(level === 1 ? COLOR.accent : COLOR.text).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  if (level === 1) {
    const y = doc.y + 2;
    doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(1).strokeColor(COLOR.accent).stroke();
    doc.moveDown(0.6);
  } else {
    doc.moveDown(0.25);
  }
  doc.fillColor(COLOR.text);
}

/** Paragraphs separated by blank lines (the narrative templates' output). */
export function paragraphs(doc: Doc, text: string, opts: { size?: number; color?: string; font?: string; keepLines?: boolean } = {}): void {
  doc.font(opts.font ?? FONT.regular).fontSize(opts.size ?? SIZE.body).fillColor(opts.color ?? COLOR.text);
  for (const p of text.split(/\n\s*\n/)) {
    // Prose reflows; code (remediation commands) keeps its lines.
    const clean = opts.keepLines ? p.replace(/^\n+|\s+$/g, '') : p.replace(/\s*\n\s*/g, ' ').trim();
    if (!clean) continue;
    ensureSpace(doc, doc.currentLineHeight(true) * 2);
    doc.text(clean, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'left', lineGap: 1.5 });
    doc.moveDown(0.5);
  }
  doc.fillColor(COLOR.text);
}

/**
 * True when `text` is one line that pdfkit's wrapper would leave whole at `width`: no line break, no
 * soft hyphen, and narrower than the width by more than the wrapper's rounding. Such text is measured
 * and drawn without the wrapper, with the same result.
 */
function fitsOneLine(doc: Doc, text: string, width: number): boolean {
  return /\S/.test(text) && !/[\n\r\v\f\x85\xAD\u2028\u2029]/.test(text) && doc.widthOfString(text) <= width - 0.5;
}

/** The height `text` takes at `width` in the current font, as heightOfString gives it. */
function blockHeight(doc: Doc, text: string, width: number): number {
  if (!fitsOneLine(doc, text, width)) return doc.heightOfString(text, { width });
  return doc.y + doc.currentLineHeight(true) - doc.y; // as heightOfString adds it up
}

/** Draws `text` at (x, y) within `width`: a line that fits without the wrapper. */
function drawBlock(doc: Doc, text: string, x: number, y: number, width: number): void {
  if (fitsOneLine(doc, text, width)) doc.text(text, x, y, { lineBreak: false });
  else doc.text(text, x, y, { width });
}

/**
 * Label / value rows; values may wrap, labels stay in their column (and may wrap there too). Each row
 * is measured once: in the measuring pass (render-pdf.ts), which only keeps the place of a row that
 * fits its page; the final pass draws with the measured height.
 */
export function keyValues(doc: Doc, rows: [string, string][], opts: { labelWidth?: number; mono?: Set<string> } = {}): void {
  const labelWidth = opts.labelWidth ?? 120;
  const valueWidth = CONTENT_WIDTH - labelWidth - 8;
  const plan = rowPlan(doc);
  for (const [label, given] of rows) {
    const value = given || '-';
    const font = opts.mono?.has(label) ? FONT.mono : FONT.regular;
    const size = opts.mono?.has(label) ? SIZE.mono + 0.5 : SIZE.body;
    // The row is as tall as the taller of its label and its value: a long label wraps in its column.
    let h = plan && !plan.measuring ? plan.take() : undefined;
    if (h === undefined) {
      const labelHeight = blockHeight(doc.font(FONT.bold).fontSize(SIZE.body), label, labelWidth);
      const valueHeight = blockHeight(doc.font(font).fontSize(size), value, valueWidth);
      h = Math.max(labelHeight, valueHeight, SIZE.body * 1.2);
      if (plan?.measuring) plan.heights.push(h);
    }
    ensureSpace(doc, h + 4);
    const y = doc.y;
    const page = doc.page;
    if (plan?.measuring && y + h + 0.5 <= bottomLimit(doc)) {
      // Measuring pass, the row within its page: only its place matters; leave the text state as drawing would.
      doc.font(font).fontSize(size);
      doc.y = y + h + 3;
      continue;
    }
    doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOR.muted);
    drawBlock(doc, label, MARGIN.left, y, labelWidth);
    doc.font(font).fontSize(size).fillColor(COLOR.text);
    drawBlock(doc, value, MARGIN.left + labelWidth + 8, y, valueWidth);
    // A value longer than a page flows onto the next one; then the row ends where the value ended.
    doc.y = (doc.page === page ? Math.max(doc.y, y + h) : doc.y) + 3;
  }
  doc.x = MARGIN.left;
}

/** A small colored pill with white text, drawn at (x, y); returns its width. */
export function badge(doc: Doc, x: number, y: number, text: string, hexColor: string, size = SIZE.small): number {
  doc.font(FONT.bold).fontSize(size);
  const w = doc.widthOfString(text) + 10;
  const h = size + 5;
  doc.save().roundedRect(x, y, w, h, 3).fill(`#${hexColor}`).restore();
  doc.fillColor('#FFFFFF').text(text, x + 5, y + 2.5, { lineBreak: false, width: w });
  doc.fillColor(COLOR.text);
  return w;
}
