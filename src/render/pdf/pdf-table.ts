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

function cellHeight(doc: Doc, text: string, width: number): number {
  // Fast path: one line needs no wrapping computation.
  if (!text.includes('\n') && doc.widthOfString(text) <= width) return doc.currentLineHeight(true);
  return doc.heightOfString(text, { width });
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
  let count = 0;
  for (const row of rows) {
    const texts = columns.map((c) => clip(c.value(row) ?? ''));
    const h =
      Math.max(
        ...columns.map((c, i) => {
          cellFont(doc, c);
          return cellHeight(doc, texts[i] || '-', widths[i] - 2 * PAD_X);
        }),
      ) +
      2 * PAD_Y;
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (count % 2 === 1) doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLOR.zebra).restore();
    let x = MARGIN.left;
    columns.forEach((c, i) => {
      cellFont(doc, c);
      doc.fillColor(c.color?.(row) ?? COLOR.text).text(texts[i] || '-', x + PAD_X, y + PAD_Y, { width: widths[i] - 2 * PAD_X });
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
