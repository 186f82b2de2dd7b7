// Opens a report document: page geometry, metadata, fast font measurement and where its bytes go, in
// one place, so report.pdf and period-report.pdf are made the same way. Without a path the document is
// a measuring pass (bytes counted, dropped; not compressed); with one it streams to that file.
import PDFDocument from 'pdfkit';
import type { Doc } from './pdf-blocks.ts';
import { useFastFontMetrics } from './pdf-font-metrics.ts';
import { discardOutput, writeOutputTo } from './pdf-sink.ts';
import { MARGIN, PAGE } from './pdf-theme.ts';

export interface ReportDocument {
  doc: Doc;
  /** Call after doc.end(): flushes and closes the file (nothing for a measuring pass). */
  close(): void;
}

export function openReportDocument(path: string | undefined, info: PDFKit.DocumentInfo): ReportDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: MARGIN,
    autoFirstPage: false,
    pdfVersion: '1.7',
    displayTitle: true,
    compress: path !== undefined, // the measuring pass need not spend time compressing
    info,
  });
  const output = path ? writeOutputTo(doc, path) : (discardOutput(doc), { close() {} });
  try {
    useFastFontMetrics(doc);
  } catch (err) {
    output.close();
    throw err;
  }
  return { doc, close: () => output.close() };
}
