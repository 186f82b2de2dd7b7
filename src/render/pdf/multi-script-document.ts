// The report's pdfkit document: every script drawn in a font that has it. pdfkit draws a string in one
// font; text that the current style's font cannot draw alone (another script, emoji, right-to-left)
// is measured, wrapped and drawn here in pieces, each in its fallback font, through pdfkit's public
// text API. Text the style's font has (nearly all of a report) goes to pdfkit unchanged.
import PDFDocument from 'pdfkit';
import { advanceWidth, ascender, isReportStyle, primaryFont, registerReportFonts, shapedFontName, STYLE, type FontKey } from './pdf-fonts.ts';
import { cacheAsciiGlyphs, currentPdfkitFont } from './pdf-glyph-cache.ts';
import { fontRuns, isSimpleText, visualPieces, wrapLines } from './pdf-text-runs.ts';

type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Text in a style's own font (Latin, Greek, Cyrillic) is drawn unshaped: shaping every drawn word was
 * most of the report's time, and without it the glyphs land exactly where the report measured them
 * (pdf-fonts.ts advanceWidth). The style's font is registered without layout tables (pdf-fonts.ts),
 * so fontkit only maps characters to glyphs; the switches keep any feature off all the same, and
 * passing features makes pdfkit lay out the whole run in one call instead of word by word.
 */
const UNSHAPED = Object.fromEntries(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map((f) => [f, false])) as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export class MultiScriptDocument extends PDFDocument {
  /** The report style in use (pdf-theme.ts FONT), or undefined after a font outside the report's. */
  private style: string | undefined;
  private size = 12;

  constructor(options: PDFKit.PDFDocumentOptions) {
    // pdfkit's cache of shaped words keeps every distinct word of the report (ids, ARNs, digests): off.
    super({ ...options, font: undefined, fontLayoutCache: false });
    registerReportFonts(this);
    this.font(STYLE.regular);
  }

  /** The style and size text is written in now (to put them back after drawing elsewhere on the page). */
  get textState(): { style: string; size: number } {
    return { style: this.style ?? STYLE.regular, size: this.size };
  }

  override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
    // Called by pdfkit's constructor too, before this class's fields exist.
    this.style = typeof src === 'string' && isReportStyle(src) ? src : undefined;
    if (typeof family === 'number') size = family;
    if (size !== undefined) this.size = size;
    const doc = typeof family === 'string' ? super.font(src, family, size) : super.font(src, size);
    // A style's own font has no layout tables (pdf-fonts.ts): its ASCII text is encoded from a glyph cache.
    if (this.style) cacheAsciiGlyphs(currentPdfkitFont(this));
    return doc;
  }

  override fontSize(size: number): this {
    this.size = size;
    return super.fontSize(size);
  }

  override widthOfString(text: string, options?: TextOptions): number {
    const style = this.style;
    if (!style) return super.widthOfString(text, options);
    if (isSimpleText(style, text)) {
      const s = `${text}`;
      return (advanceWidth(primaryFont(style), s) * this.size) / 1000 + (options?.characterSpacing ?? 0) * Math.max(s.length - 1, 0);
    }
    let width = 0;
    for (const run of fontRuns(style, text)) width += this.inFont(run.font, () => super.widthOfString(run.text));
    this.restoreStyle();
    return width;
  }

  override heightOfString(text: string, options?: TextOptions): number {
    const style = this.style;
    if (!style || isSimpleText(style, text)) return super.heightOfString(text, options);
    const width = options?.width ?? this.page.width - this.x - this.page.margins.right;
    return this.lines(text, width).length * (this.currentLineHeight(true) + (options?.lineGap ?? 0));
  }

  override text(text: string, x?: number | TextOptions, y?: number, options?: TextOptions): this {
    if (typeof x === 'object') return this.text(text, undefined, undefined, x);
    const style = this.style;
    const s = `${text ?? ''}`;
    if (!style) return this.pdfkitText(s, x, y, options);
    if (isSimpleText(style, s)) return this.pdfkitText(s, x, y, { ...options, features: UNSHAPED });
    return this.drawText(s, x ?? this.x, y ?? this.y, options ?? {});
  }

  /** pdfkit's text(): it reads options given after an undefined position as no options at all, so they go in the position's place. */
  private pdfkitText(text: string, x: number | undefined, y: number | undefined, options: TextOptions | undefined): this {
    return x === undefined && y === undefined ? super.text(text, options) : super.text(text, x, y, options);
  }

  /** The lines `text` takes at `width` in the current style and size (the wrapping text() does). */
  lines(text: string, width: number): string[] {
    return wrapLines(text, width, (s) => this.widthOfString(s));
  }

  /** Runs `fn` in the font `key`, shaped (text outside the simple path: marks, other scripts). */
  private inFont<T>(key: FontKey, fn: () => T): T {
    super.font(shapedFontName(key));
    return fn();
  }

  private restoreStyle(): void {
    if (this.style) super.font(this.style);
  }

  private drawText(text: string, x: number, y: number, options: TextOptions): this {
    const lineHeight = this.currentLineHeight(true) + (options.lineGap ?? 0);
    if (options.lineBreak === false) {
      let line = text.replace(/\n/g, ' ');
      if (options.ellipsis && options.width) line = this.fitted(line, options.width);
      this.drawLine(line, x, y, options);
      this.x = x + this.widthOfString(line);
      this.y = y;
      return this;
    }
    const width = options.width ?? this.page.width - x - this.page.margins.right;
    this.y = y;
    for (const line of this.lines(text, width)) {
      // As pdfkit's wrapper does: a line that would cross the bottom margin starts a new page.
      if (this.y + lineHeight > this.page.height - this.page.margins.bottom) this.addPage();
      this.drawLine(line, x, this.y, { ...options, width });
      this.y += lineHeight;
    }
    this.x = x;
    return this;
  }

  /** The line cut to fit `width` (current style and size) with an ellipsis, as pdfkit's `ellipsis` option does. */
  fitted(line: string, width: number): string {
    if (this.widthOfString(line) <= width) return line;
    const chars = Array.from(line);
    while (chars.length && this.widthOfString(`${chars.join('')}…`) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  private drawLine(line: string, x: number, y: number, options: TextOptions): void {
    const style = this.style!;
    const size = this.size;
    const base = ascender(primaryFont(style));
    const pieces = visualPieces(style, line);
    const widths = pieces.map((p) => this.inFont(p.font, () => super.widthOfString(p.text)));
    const total = widths.reduce((a, b) => a + b, 0);
    let at = x;
    if (options.width && options.align === 'right') at += options.width - total;
    else if (options.width && options.align === 'center') at += (options.width - total) / 2;
    pieces.forEach((p, i) => {
      // pdfkit puts the baseline one ascender below y: fonts with another ascender are moved to share it.
      const dy = ((base - ascender(p.font)) / 1000) * size;
      this.inFont(p.font, () => super.text(p.text, at, y + dy, { lineBreak: false, goTo: options.goTo, link: options.link }));
      at += widths[i];
    });
    this.restoreStyle();
  }
}

