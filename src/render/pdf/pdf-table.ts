// Tables that break across pages cleanly: each row is measured first, a row never splits, and the
// header row is repeated on every page the table continues on. Rows are consumed from an iterable, so
// a table of 100,000 findings never needs a second copy of them.
import { bottomLimit, ensureSpace, type Doc } from './pdf-blocks.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';

export interface Column<T> {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  value: (row: T) => string;
  mono?: boolean;
  bold?: boolean;
  /** Text color for the cell ('#rrggbb'). */
  color?: (row: T) => string | undefined;
}

const PAD_X = 4;
const PAD_Y = 3;
/** A cell never grows past this many characters; the full text is in the XLSX and results.json. */
const MAX_CELL_CHARS = 1200;

function cellFont(doc: Doc, col: { mono?: boolean; bold?: boolean }): void {
  doc.font(col.mono ? FONT.mono : col.bold ? FONT.bold : FONT.regular).fontSize(col.mono ? SIZE.mono : SIZE.table);
}

function clip(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}... (truncated; full text in control-gaps.xlsx)` : text;
}

/**
 * The cell's lines when none needs wrapping (each line of the text fits the width): most cells. pdfkit's
 * line wrapper (word by word, Unicode line-break rules) is then not needed to measure or draw them.
 */
function fittingLines(doc: Doc, text: string, width: number): string[] | undefined {
  const lines = text.split('\n');
  for (const line of lines) if (!line || doc.widthOfString(line) > width) return undefined;
  return lines;
}

function cellHeight(doc: Doc, text: string, width: number): number {
  const lines = fittingLines(doc, text, width);
  if (!lines) return doc.heightOfString(text, { width });
  // As heightOfString adds it up: one line height per line, from the current position.
  const lineHeight = doc.currentLineHeight(true);
  let y = doc.y;
  for (let i = 0; i < lines.length; i++) y += lineHeight;
  return y - doc.y;
}

/** Draws a cell's text at (x, y): fitting lines one by one, anything longer through the line wrapper. */
function drawCell(doc: Doc, text: string, x: number, y: number, width: number): void {
  const lines = fittingLines(doc, text, width);
  if (!lines) {
    doc.text(text, x, y, { width });
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  let lineY = y;
  for (const line of lines) {
    doc.text(line, x, lineY, { lineBreak: false });
    lineY += lineHeight;
  }
}

/**
 * Row heights shared by the two rendering passes (render-pdf.ts): the measuring pass records every
 * row's height and draws no rows (only page breaks and header rows matter for pagination); the final
 * pass reuses the heights instead of measuring again. Without a plan, rows are measured and drawn.
 */
export class RowPlan {
  private next = 0;
  constructor(
    readonly measuring: boolean,
    readonly heights: number[] = [],
  ) {}

  static forFinalPass(measured: RowPlan): RowPlan {
    return new RowPlan(false, measured.heights);
  }

  /** The recorded height of the next row (final pass). */
  take(): number | undefined {
    return this.heights[this.next++];
  }
}

const plans = new WeakMap<object, RowPlan>();

export function useRowPlan(doc: Doc, plan: RowPlan): void {
  plans.set(doc, plan);
}

export function table<T>(doc: Doc, columns: Column<T>[], rows: Iterable<T>, opts: { emptyText?: string } = {}): number {
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const drawHeader = () => {
    doc.font(FONT.bold).fontSize(SIZE.table);
    const h = Math.max(...columns.map((c, i) => doc.heightOfString(c.header, { width: widths[i] - 2 * PAD_X }))) + 2 * PAD_Y;
    ensureSpace(doc, h + 16);
    const y = doc.y;
    doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLOR.headerFill).restore();
    let x = MARGIN.left;
    columns.forEach((c, i) => {
      doc.fillColor(COLOR.headerText).text(c.header, x + PAD_X, y + PAD_Y, { width: widths[i] - 2 * PAD_X });
      x += widths[i];
    });
    doc.y = y + h;
  };
  drawHeader();
  const plan = plans.get(doc);
  const lastFont = columns[columns.length - 1];
  let count = 0;
  for (const row of rows) {
    const planned = plan && !plan.measuring ? plan.take() : undefined;
    const texts = plan?.measuring ? undefined : columns.map((c) => clip(c.value(row) ?? ''));
    let h: number;
    if (planned !== undefined) {
      h = planned;
    } else {
      const measured = texts ?? columns.map((c) => clip(c.value(row) ?? ''));
      h =
        Math.max(
          ...columns.map((c, i) => {
            cellFont(doc, c);
            return cellHeight(doc, measured[i] || '-', widths[i] - 2 * PAD_X);
          }),
        ) +
        2 * PAD_Y;
      if (plan?.measuring) plan.heights.push(h);
    }
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (!texts) {
      // Measuring pass: the row's place is all that matters; leave the text state as drawing would.
      cellFont(doc, lastFont);
      doc.y = y + h;
      count++;
      continue;
    }
    if (count % 2 === 1) doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLOR.zebra).restore();
    let x = MARGIN.left;
    columns.forEach((c, i) => {
      cellFont(doc, c);
      doc.fillColor(c.color?.(row) ?? COLOR.text);
      drawCell(doc, texts[i] || '-', x + PAD_X, y + PAD_Y, widths[i] - 2 * PAD_X);
      x += widths[i];
    });
    doc.save().moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + CONTENT_WIDTH, y + h).lineWidth(0.4).strokeColor(COLOR.rule).stroke().restore();
    doc.y = y + h;
    count++;
  }
  if (count === 0) {
    doc.font(FONT.italic).fontSize(SIZE.table).fillColor(COLOR.muted).text(opts.emptyText ?? 'None.', MARGIN.left + PAD_X, doc.y + PAD_Y, { width: CONTENT_WIDTH - 2 * PAD_X });
  }
  doc.fillColor(COLOR.text);
  doc.x = MARGIN.left;
  doc.y += 8;
  return count;
}
