// Opens a report document: page geometry, metadata, embedded fonts and where its bytes go, in
// one place, so report.pdf and period-report.pdf are made the same way. Without a path the document is
// a measuring pass (bytes counted, dropped; not compressed); with one it streams to that file.
//
// PDF/A-2b (docs/pdf.md): pdfkit's `subset` option writes the pdfaid XMP entries and an sRGB output
// intent with its own ICC profile; every font is embedded (pdf-fonts.ts); the document information
// carries only entries pdfkit mirrors in the XMP, with the same values.
import type { Doc } from './pdf-blocks.ts';
import { discardOutput, writeOutputTo } from './pdf-sink.ts';
import { MARGIN, PAGE, PAGE_SIZES, type PageSize } from './pdf-theme.ts';
import { MultiScriptDocument } from './multi-script-document.ts';

export interface ReportDocument {
  doc: Doc;
  /** Call after doc.end(): flushes and closes the file (nothing for a measuring pass). */
  close(): void;
}

/**
 * pdfkit writes the information entries into the XMP packet as they are, without XML escaping: the
 * three XML-special characters are replaced by their full-width forms so the packet stays well formed
 * and the information dictionary and XMP still say the same.
 */
function xmpSafe(text: string): string {
  return text.replace(/[&<>]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * The entries pdfkit mirrors into the XMP, as it writes them there: Producer is the Creator (pdfkit's
 * pdf:Producer), and no ModDate (it writes no xmp:ModifyDate to match).
 */
function archivalInfo(info: PDFKit.DocumentInfo): PDFKit.DocumentInfo {
  const creator = info.Creator && xmpSafe(info.Creator);
  return {
    ...(info.Title ? { Title: xmpSafe(info.Title) } : {}),
    ...(info.Author ? { Author: xmpSafe(info.Author) } : {}),
    ...(info.Subject ? { Subject: xmpSafe(info.Subject) } : {}),
    ...(creator ? { Creator: creator, Producer: creator } : {}),
    CreationDate: info.CreationDate ?? new Date(),
  };
}

export function openReportDocument(path: string | undefined, info: PDFKit.DocumentInfo, pageSize: PageSize = 'A4'): ReportDocument {
  // Letter is wider than A4 and the layout is A4's width: the content is centred (a shift at each page's start).
  const extra = PAGE_SIZES[pageSize].width - PAGE.width;
  const doc = new MultiScriptDocument({
    size: pageSize,
    margins: { ...MARGIN, right: MARGIN.right + extra },
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    displayTitle: true,
    compress: path !== undefined, // the measuring pass need not spend time compressing
    info: archivalInfo(info),
  });
  if (extra) doc.on('pageAdded', () => doc.translate(extra / 2, 0));
  const output = path ? writeOutputTo(doc, path) : (discardOutput(doc), { close() {} });
  return { doc, close: () => output.close() };
}
