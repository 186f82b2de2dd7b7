// Tables that break across pages cleanly: each row is measured first, a row never splits, and the
// header row is repeated on every page the table continues on. Rows are consumed from an iterable, so
// a table of 100,000 findings never needs a second copy of them. Nothing is ever cut short: a cell
// longer than a row may hold continues in continuation rows below it (the signed PDF is complete).
import { bottomLimit, ensureSpace, type Doc } from './pdf-blocks.ts';
import { FITS, rowPlan, type RowPlan } from './pdf-row-plan.ts';
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
/** A physical row's cell holds at most this many characters (so that a row fits a page); the rest continues below. */
const MAX_CELL_CHARS = 1200;

function cellFont(doc: Doc, col: { mono?: boolean; bold?: boolean }): void {
  doc.font(col.mono ? FONT.mono : col.bold ? FONT.bold : FONT.regular).fontSize(col.mono ? SIZE.mono : SIZE.table);
}

/** The text in pieces of at most MAX_CELL_CHARS, cut at a line break, else a space, else anywhere. */
export function cellPieces(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_CELL_CHARS) {
    let cut = rest.lastIndexOf('\n', MAX_CELL_CHARS);
    if (cut <= 0) cut = rest.lastIndexOf(' ', MAX_CELL_CHARS);
    if (cut <= 0) cut = MAX_CELL_CHARS;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  pieces.push(rest);
  return pieces;
}

/** One logical row as physical rows: the first holds each cell's first piece; continuation rows the rest. */
export function physicalRows(texts: string[]): string[][] {
  const pieces = texts.map(cellPieces);
  const n = Math.max(...pieces.map((p) => p.length));
  if (n === 1) return [texts];
  const label = `${pieces[0][0].split('\n')[0]} (continued)`;
  return Array.from({ length: n }, (_, i) => pieces.map((p, col) => p[i] ?? (i > 0 && col === 0 ? label : ' ')));
}

/** Widths of short strings per font and size: account ids, regions, outcomes and reasons repeat row after row. */
const widthCaches = new WeakMap<object, Map<string, Map<string, number>>>();
const CACHED_MAX_CHARS = 80;
const CACHED_MAX_STRINGS = 20_000;

function textWidth(doc: Doc, text: string): number {
  if (text.length > CACHED_MAX_CHARS) return doc.widthOfString(text);
  let fonts = widthCaches.get(doc);
  if (!fonts) widthCaches.set(doc, (fonts = new Map()));
  const { style, size } = doc.textState;
  const key = `${style} ${size}`;
  let widths = fonts.get(key);
  if (!widths) fonts.set(key, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) {
    width = doc.widthOfString(text);
    if (widths.size >= CACHED_MAX_STRINGS) widths.clear();
    widths.set(text, width);
  }
  return width;
}

/**
 * The cell's lines when none needs wrapping (each line of the text fits the width): most cells. pdfkit's
 * line wrapper (word by word, Unicode line-break rules) is then not needed to measure or draw them.
 */
function fittingLines(doc: Doc, text: string, width: number): string[] | undefined {
  const lines = text.split('\n');
  for (const line of lines) if (!line || textWidth(doc, line) > width) return undefined;
  return lines;
}

/**
 * Wraps `text` (MultiScriptDocument.lines) and returns its height and where each line ends, so the final
 * pass draws the same lines without wrapping again.
 */
function wrapText(doc: Doc, text: string, width: number): { height: number; ends: number[] | undefined } {
  const lines = doc.lines(text, width);
  // Each line ends where the next begins (the spaces between them go with the line before).
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    const from = text.indexOf(line, at);
    if (from < 0 || text.slice(at, from).trim() !== '') return { height: lines.length * doc.currentLineHeight(true), ends: undefined };
    starts.push(from);
    at = from + line.length;
  }
  const ends = [...starts.slice(1), text.length];
  return { height: lines.length * doc.currentLineHeight(true), ends };
}

function cellHeight(doc: Doc, text: string, width: number, plan: RowPlan | undefined): number {
  const lines = fittingLines(doc, text, width);
  if (!lines) {
    if (!plan?.measuring) return doc.heightOfString(text, { width });
    const { height, ends } = wrapText(doc, text, width);
    plan.recordLines(ends);
    return height;
  }
  if (plan?.measuring) plan.recordFit();
  // As heightOfString adds it up: one line height per line, from the current position.
  const lineHeight = doc.currentLineHeight(true);
  let y = doc.y;
  for (let i = 0; i < lines.length; i++) y += lineHeight;
  return y - doc.y;
}

/** Draws a cell's text at (x, y): fitting lines one by one, wrapped ones where the measuring pass broke them. */
function drawCell(doc: Doc, text: string, x: number, y: number, width: number, plan: RowPlan | undefined): void {
  // The measuring pass recorded whether each cell fits and where wrapped cells break: nothing is measured again.
  const recorded = plan && !plan.measuring ? plan.takeLines() : undefined;
  const lines = recorded === FITS ? text.split('\n') : recorded ? undefined : fittingLines(doc, text, width);
  const ends = Array.isArray(recorded) ? recorded : undefined;
  if (!lines && !ends) {
    doc.text(text, x, y, { width });
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  let lineY = y;
  let start = 0;
  for (const line of lines ?? ends!.map((end) => text.slice(start, (start = end)))) {
    doc.text(line, x, lineY, { lineBreak: false });
    lineY += lineHeight;
  }
}

export interface TableOptions {
  emptyText?: string;
  /**
   * Long lists: no rule under each row, and the header in the columns' own font, so that a mono column
   * of aligned fields lines up with its header. Each drawn row then costs what a plain line of text costs.
   */
  compact?: boolean;
}

export function table<T>(doc: Doc, columns: Column<T>[], rows: Iterable<T>, opts: TableOptions = {}): number {
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const plan = rowPlan(doc);
  // The header row is the same on every page the table continues on: measured once, drawn like a
  // cell (unwrapped lines when they fit), and only its place kept in the measuring pass.
  let headerHeight: number | undefined;
  // The text color the page's graphics state holds from this table: a cell in the same color as the
  // one before it on the page sets none (zebra stripes and rules restore the state they change).
  let fill: { page: unknown; color: string } | undefined;
  const fillColor = (color: string) => {
    if (fill?.page === doc.page && fill.color === color) return;
    doc.fillColor(color);
    fill = { page: doc.page, color };
  };
  const drawHeader = () => {
    if (opts.compact) cellFont(doc, columns[0]);
    else doc.font(FONT.bold).fontSize(SIZE.table);
    const h = (headerHeight ??= Math.max(...columns.map((c, i) => doc.heightOfString(c.header, { width: widths[i] - 2 * PAD_X }))) + 2 * PAD_Y);
    ensureSpace(doc, h + 16);
    const y = doc.y;
    if (!plan?.measuring) {
      doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLOR.headerFill).restore();
      let x = MARGIN.left;
      columns.forEach((c, i) => {
        fillColor(COLOR.headerText);
        drawCell(doc, c.header, x + PAD_X, y + PAD_Y, widths[i] - 2 * PAD_X, undefined);
        x += widths[i];
      });
    }
    doc.y = y + h;
  };
  drawHeader();
  const lastFont = columns[columns.length - 1];
  let count = 0;
  for (const row of rows) {
    for (const texts of physicalRows(columns.map((c) => c.value(row) ?? ''))) {
      const planned = plan && !plan.measuring ? plan.take() : undefined;
      let h: number;
      if (planned !== undefined) {
        h = planned;
      } else {
        h =
          Math.max(
            ...columns.map((c, i) => {
              cellFont(doc, c);
              return cellHeight(doc, texts[i] || '-', widths[i] - 2 * PAD_X, plan);
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
      if (plan?.measuring) {
        // Measuring pass: the row's place is all that matters; leave the text state as drawing would.
        cellFont(doc, lastFont);
        doc.y = y + h;
        continue;
      }
      if (count % 2 === 1) doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLOR.zebra).restore();
      let x = MARGIN.left;
      columns.forEach((c, i) => {
        cellFont(doc, c);
        fillColor(c.color?.(row) ?? COLOR.text);
        drawCell(doc, texts[i] || '-', x + PAD_X, y + PAD_Y, widths[i] - 2 * PAD_X, plan);
        x += widths[i];
      });
      if (!opts.compact) doc.save().moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + CONTENT_WIDTH, y + h).lineWidth(0.4).strokeColor(COLOR.rule).stroke().restore();
      doc.y = y + h;
    }
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
