// Table of contents: entries are recorded while sections render (with the page they start on) and
// written into pages reserved up front, once every page number is known.
import { bottomLimit, type Doc } from './pdf-blocks.ts';
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

export class TableOfContents {
  readonly entries: TocEntry[] = [];

  constructor(private readonly doc: Doc) {}

  /** Records an entry at the current page and makes it a link target and a PDF bookmark. */
  mark(title: string, level: 1 | 2, destination: string): void {
    const page = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
    this.entries.push({ title, level, destination, page });
  }

  /** Writes the entries into the reserved pages [first, first + count). */
  write(first: number, count: number): void {
    const doc = this.doc;
    let pageIndex = first;
    doc.switchToPage(pageIndex);
    doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOR.accent).text('Contents', MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
    let y = MARGIN.top + TITLE_SPACE;
    for (const e of this.entries) {
      if (y + TOC_LINE > bottomLimit(doc)) {
        pageIndex++;
        if (pageIndex >= first + count) throw new Error('table of contents: more entries than reserved pages');
        doc.switchToPage(pageIndex);
        y = MARGIN.top;
      }
      const indent = e.level === 1 ? 0 : 16;
      const pageText = String(e.page + 1);
      doc.font(e.level === 1 ? FONT.bold : FONT.regular).fontSize(e.level === 1 ? SIZE.body + 0.5 : SIZE.body).fillColor(COLOR.text);
      const numberWidth = 40;
      const titleWidth = CONTENT_WIDTH - indent - numberWidth - 8;
      let title = e.title;
      while (doc.widthOfString(title) > titleWidth && title.length > 4) title = `${title.slice(0, -4)}...`;
      doc.text(title, MARGIN.left + indent, y, { width: titleWidth, lineBreak: false, goTo: e.destination });
      const dotsFrom = MARGIN.left + indent + doc.widthOfString(title) + 4;
      const dotsTo = MARGIN.left + CONTENT_WIDTH - numberWidth;
      if (dotsTo > dotsFrom) doc.save().moveTo(dotsFrom, y + 8).lineTo(dotsTo, y + 8).dash(1, { space: 2 }).lineWidth(0.5).strokeColor(COLOR.rule).stroke().undash().restore();
      doc.text(pageText, MARGIN.left + CONTENT_WIDTH - numberWidth, y, { width: numberWidth, align: 'right', lineBreak: false, goTo: e.destination });
      y += TOC_LINE;
    }
  }
}
