// Table of contents: entries are recorded while sections render (with the page they start on, and a
// PDF bookmark). The first rendering pass learns the page numbers; the second writes them into pages
// reserved right after the cover.
import type { Doc } from './pdf-blocks.ts';
import { bottomLimit } from './pdf-blocks.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';

export interface TocEntry {
  title: string;
  level: 1 | 2;
  destination: string;
  /** 0-based page index. */
  page: number;
}

export const TOC_LINE = 15;
const TITLE_SPACE = 50;

export function tocPagesNeeded(entries: number, pageHeight: number): number {
  const perPage = Math.floor((pageHeight - MARGIN.top - MARGIN.bottom - TITLE_SPACE) / TOC_LINE);
  return Math.max(1, Math.ceil(entries / perPage));
}

export function currentPageIndex(doc: Doc): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
}

export class TableOfContents {
  readonly entries: TocEntry[] = [];
  private parent: PDFKit.PDFOutline | undefined;

  constructor(
    private readonly doc: Doc,
    private readonly bookmarks: boolean,
  ) {}

  /** Records an entry at the current page; in the final pass also adds the PDF bookmark. */
  mark(title: string, level: 1 | 2, destination: string): void {
    this.entries.push({ title, level, destination, page: currentPageIndex(this.doc) });
    if (!this.bookmarks) return;
    if (level === 1) this.parent = this.doc.outline.addItem(title);
    else (this.parent ?? this.doc.outline).addItem(title);
  }
}

/** Adds `count` pages and writes `entries` into them (none in the first pass: blank reserved pages). */
export function writeTocPages(doc: Doc, entries: TocEntry[] | undefined, count: number): void {
  let i = 0;
  let y: number;
  const newPage = () => {
    if (i >= count) throw new Error('table of contents: more entries than reserved pages');
    doc.addPage();
    i++;
    y = MARGIN.top;
  };
  newPage();
  doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOR.accent).text('Contents', MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  y = MARGIN.top + TITLE_SPACE;
  for (const e of entries ?? []) {
    if (y + TOC_LINE > bottomLimit(doc)) newPage();
    const indent = e.level === 1 ? 0 : 16;
    doc.font(e.level === 1 ? FONT.bold : FONT.regular).fontSize(e.level === 1 ? SIZE.body + 0.5 : SIZE.body).fillColor(COLOR.text);
    const numberWidth = 40;
    const titleWidth = CONTENT_WIDTH - indent - numberWidth - 8;
    let title = e.title;
    while (doc.widthOfString(title) > titleWidth && title.length > 4) title = `${title.slice(0, -4)}...`;
    doc.text(title, MARGIN.left + indent, y, { width: titleWidth, lineBreak: false, goTo: e.destination });
    const dotsFrom = MARGIN.left + indent + doc.widthOfString(title) + 4;
    const dotsTo = MARGIN.left + CONTENT_WIDTH - numberWidth;
    if (dotsTo > dotsFrom) doc.save().moveTo(dotsFrom, y + 8).lineTo(dotsTo, y + 8).dash(1, { space: 2 }).lineWidth(0.5).strokeColor(COLOR.rule).stroke().undash().restore();
    doc.text(String(e.page + 1), MARGIN.left + CONTENT_WIDTH - numberWidth, y, { width: numberWidth, align: 'right', lineBreak: false, goTo: e.destination });
    y += TOC_LINE;
  }
  while (i < count) newPage();
}
