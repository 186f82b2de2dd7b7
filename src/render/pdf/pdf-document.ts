// Opens a report document: page geometry, metadata, embedded fonts and where its bytes go, in
// one place, so report.pdf and period-report.pdf are made the same way. Without a path the document is
// a measuring pass (bytes counted, dropped; not compressed); with one it streams to that file.
import type { Doc } from './pdf-blocks.ts';
import { discardOutput, writeOutputTo } from './pdf-sink.ts';
import { MARGIN, PAGE } from './pdf-theme.ts';
import { MultiScriptDocument } from './multi-script-document.ts';

export interface ReportDocument {
  doc: Doc;
  /** Call after doc.end(): flushes and closes the file (nothing for a measuring pass). */
  close(): void;
}

export function openReportDocument(path: string | undefined, info: PDFKit.DocumentInfo): ReportDocument {
  const doc = new MultiScriptDocument({
    size: PAGE.size,
    margins: MARGIN,
    autoFirstPage: false,
    pdfVersion: '1.7',
    displayTitle: true,
    compress: path !== undefined, // the measuring pass need not spend time compressing
    info,
  });
  const output = path ? writeOutputTo(doc, path) : (discardOutput(doc), { close() {} });
  return { doc, close: () => output.close() };
}
