// The floors: what the libraries the renderers use cost by themselves for the same volume. Bare
// exceljs streaming writes the same number of rows; bare pdfkit writes the same number of text lines.
import { createWriteStream } from 'node:fs';
import { writeSmallFile } from '../../src/util/write-many-files.ts';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { folderMaker } from '../../src/util/folder-maker.ts';
import { deflateWhole } from '../../src/package/zip-writer.ts';
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
 * `font`: pdfkit's standard Helvetica (the benchmark's target floor) or font data, e.g. the embedded
 * DejaVu Sans Condensed as report.pdf registers it (floor-pdf-font).
 */
export async function floorPdf(path: string, lines: number, font: string | Buffer = 'Helvetica'): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: false });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc.font(font).fontSize(8);
  for (let i = 0; i < lines; i++) doc.text(`${CELLS[0]}  ${CELLS[3]}-${i}  ${CELLS[5]}  ${CELLS[6]}`);
  doc.end();
  await once(out, 'finish');
}

/**
 * The floor of the package's evidence folder: each record's bytes written to its own file (the package's
 * paths, 32 writes at a time, each folder made once) and deflated once, as the zip does; no
 * serialising, hashing or bookkeeping. What the file system and zlib cost by themselves.
 */
export async function floorFiles(dir: string, files: readonly { file: string; data: Buffer }[]): Promise<void> {
  const folder = folderMaker();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { file, data } = files[next++];
      const path = join(dir, file);
      const made = folder(dirname(path));
      deflateWhole(data);
      await made;
      await writeSmallFile(path, data);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}
