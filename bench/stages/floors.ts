// The floors: what the libraries the renderers use cost by themselves for the same volume. Bare
// exceljs streaming writes the same number of rows; bare pdfkit writes the same number of text lines.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

const CELLS = ['sagemaker-notebook-direct-internet-disabled', 'high', 'AWS::SageMaker::NotebookInstance', 'nb-eu-west-1-000123', '999988887777', 'eu-west-1', 'fail', 'Direct internet access is Enabled: the notebook can reach and be reached from the internet.'];

export async function floorXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Rows');
  for (let i = 0; i < rows; i++) ws.addRow([...CELLS.slice(0, 3), `${CELLS[3]}-${i}`, ...CELLS.slice(4)]).commit();
  ws.commit();
  await wb.commit();
}

/**
 * `font`: pdfkit's standard Helvetica (the benchmark's target floor) or a font file, e.g. the embedded
 * DejaVu Sans Condensed report.pdf uses, whose text pdfkit shapes with fontkit (floor-pdf-font).
 */
export async function floorPdf(path: string, lines: number, font = 'Helvetica'): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: false });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc.font(font).fontSize(8);
  for (let i = 0; i < lines; i++) doc.text(`${CELLS[0]}  ${CELLS[3]}-${i}  ${CELLS[5]}  ${CELLS[6]}`);
  doc.end();
  await once(out, 'finish');
}
