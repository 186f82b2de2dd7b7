// Table cells are drawn in their own color on every page: a cell in the color of the cell before it
// on the same page sets no color again (pdf-table.ts), so the color in effect at each drawn text is
// read back from the page content (fill color set, saved and restored) and compared with the rows'.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportDocument } from '../../../src/render/pdf/pdf-document.ts';
import { table, type Column } from '../../../src/render/pdf/pdf-table.ts';
import { COLOR } from '../../../src/render/pdf/pdf-theme.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-table-colors-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** pdfkit's operands for a '#rrggbb' fill color. */
function operands(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 0xff, n & 0xff].map((v) => v / 255).join(' ');
}

/** For each page's content stream, the fill color in effect at each text-showing operator, in order. */
function textColors(pdf: Buffer): string[][] {
  const pages: string[][] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, pdf.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a deflated stream
    }
    if (!content.includes(' TJ')) continue;
    const colors: string[] = [];
    const saved: string[] = [];
    let fill = '0 0 0'; // a page starts black
    for (const op of content.split('\n')) {
      if (op === 'q') saved.push(fill);
      else if (op === 'Q') fill = saved.pop()!;
      else if (op.endsWith(' scn')) fill = op.slice(0, -4);
      else if (op.endsWith(' TJ')) colors.push(fill);
    }
    pages.push(colors);
  }
  return pages;
}

describe('table colors', () => {
  it('draws every cell in its color, on every page the table continues on', async () => {
    interface Row { status: 'fail' | 'pass'; name: string }
    const rows: Row[] = Array.from({ length: 260 }, (_, i) => ({ status: i % 7 === 3 || i % 7 === 4 ? 'fail' : 'pass', name: `resource-${i}` }));
    const statusColor = (r: Row) => (r.status === 'fail' ? '#C62828' : '#2E7D32');
    const columns: Column<Row>[] = [
      { header: 'Status', width: 0.3, value: (r) => r.status, color: statusColor },
      { header: 'Resource', width: 0.7, value: (r) => r.name },
    ];
    const file = join(work, 'table.pdf');
    const { doc, close } = openReportDocument(file, { Title: 'table colors', CreationDate: new Date(0) });
    doc.addPage();
    table(doc, columns, rows);
    doc.end();
    close();

    const pages = textColors(await readFile(file));
    expect(pages.length).toBeGreaterThan(2);
    // Each page begins with the header row, in the header's color.
    for (const page of pages) expect(page.slice(0, 2)).toEqual([operands(COLOR.headerText), operands(COLOR.headerText)]);
    const cells = pages.flatMap((page) => page.slice(2));
    expect(cells).toEqual(rows.flatMap((r) => [operands(statusColor(r)), operands(COLOR.text)]));
  });
});
