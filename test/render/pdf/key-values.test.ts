// Label / value rows: a label longer than its column wraps there, and the next row starts below the
// taller of label and value (a wrapped label once ran over the next row's label: "How regions were
// chosen" over "Frameworks" in the sample report).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyValues } from '../../../src/render/pdf/pdf-blocks.ts';
import { openReportDocument } from '../../../src/render/pdf/pdf-document.ts';
import { RowPlan, useRowPlan } from '../../../src/render/pdf/pdf-row-plan.ts';
import { currentPageIndex } from '../../../src/render/pdf/pdf-toc.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from '../../../src/render/pdf/pdf-theme.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-key-values-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

interface Word { text: string; xMin: number; yMin: number; yMax: number }

/** Every word pdftotext finds, with its box (points from the page's top). */
function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), yMax: Number(m[3]) }));
}

async function render(rows: [string, string][], labelWidth: number): Promise<Word[]> {
  const file = join(work, `kv-${labelWidth}.pdf`);
  const { doc, close } = openReportDocument(file, { Title: 'key values', CreationDate: new Date(0) });
  doc.addPage();
  keyValues(doc, rows, { labelWidth });
  doc.end(); // the report's writer is synchronous: the file is complete once closed
  close();
  return words(file);
}

describe('keyValues', () => {
  it('starts each row below a label that wrapped in its column', async () => {
    const rows: [string, string][] = [
      ['Scan findings that disqualify one scan from counting as evidence', 'short'],
      ['Evaluated', 'as of'],
      ['Another label long enough to wrap onto three lines within narrow columns', 'x'],
      ['Frameworks', 'GDPR, HIPAA, SOC 2'],
    ];
    // No word appears in two labels, so each label's words can be found by text.
    const found = await render(rows, 90);
    const labelWords = found.filter((w) => w.xMin < MARGIN.left + 90);
    // The first row's label wraps: its words sit on more than one line.
    const firstLabel = labelWords.filter((w) => 'Scan findings that disqualify one scan from counting as evidence'.split(' ').includes(w.text));
    expect(new Set(firstLabel.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(1);
    // Each later row's label lies below
    // every word of the rows before it.
    const bottom = (label: string) => Math.max(...labelWords.filter((w) => label.split(' ').includes(w.text)).map((w) => w.yMax));
    const top = (label: string) => Math.min(...found.filter((w) => w.text === label.split(' ')[0]).map((w) => w.yMin));
    expect(top('Evaluated')).toBeGreaterThanOrEqual(bottom(rows[0]![0]));
    expect(top('Frameworks')).toBeGreaterThanOrEqual(bottom(rows[2]![0]));
  });

  it('draws the same rows in two passes as in one, and the measuring pass ends where the drawing does', async () => {
    // Short values (drawn without the wrapper), wrapped ones, a wrapped label, and a value longer than a page.
    const prose = 'The evidence was collected read-only from every region the account has enabled, and each record is kept with its digest. ';
    const rows: [string, string][] = [
      ['Evaluated', '2026-11-20 02:00:00 UTC'],
      ['What was checked', prose.repeat(3)],
      ['A label long enough to wrap in its column', 'x'],
      ['Empty', ''],
      ['Requirements', 'GDPR Art. 32, HIPAA 164.312(a)(1), SOC 2 CC6.1'],
    ];
    // Values at the edge of one line: the longest that fits the value column, and one character more.
    const probe = openReportDocument(undefined, { CreationDate: new Date(0) }).doc.font(FONT.regular).fontSize(SIZE.body);
    let edge = 'Edge';
    while (probe.widthOfString(`${edge} x`) <= CONTENT_WIDTH - 120 - 8) edge += ' x';
    rows.push(['At the edge', edge], ['Past the edge', `${edge} x`], ['Just under', edge.slice(0, -1)]);
    const all = [...Array.from({ length: 12 }, () => rows).flat(), ['Longer than a page', prose.repeat(90)] as [string, string], ...rows];
    const info = { Title: 'key values', CreationDate: new Date(0) };
    const draw = (doc: Parameters<typeof keyValues>[0]) => {
      doc.addPage();
      keyValues(doc, all);
      return { page: currentPageIndex(doc), y: doc.y };
    };
    const onePass = join(work, 'kv-one-pass.pdf');
    const one = openReportDocument(onePass, info);
    const drawn = draw(one.doc);
    one.doc.end();
    one.close();

    const measuring = openReportDocument(undefined, info);
    const plan = new RowPlan(true);
    useRowPlan(measuring.doc, plan);
    const measured = draw(measuring.doc);
    measuring.doc.end();
    measuring.close();
    const twoPass = join(work, 'kv-two-pass.pdf');
    const final = openReportDocument(twoPass, info);
    useRowPlan(final.doc, RowPlan.forFinalPass(plan));
    const finalEnd = draw(final.doc);
    final.doc.end();
    final.close();

    expect(drawn.page).toBeGreaterThan(1);
    expect(plan.heights).toHaveLength(all.length);
    expect(measured).toEqual(drawn);
    expect(finalEnd).toEqual(drawn);
    expect((await readFile(twoPass)).equals(await readFile(onePass))).toBe(true);

    // And the same as every text going through pdfkit's line wrapper, measured and then drawn.
    const wrapped = join(work, 'kv-wrapper.pdf');
    const reference = openReportDocument(wrapped, info);
    const doc = reference.doc;
    doc.addPage();
    for (const [label, value] of all) {
      const h = Math.max(doc.font(FONT.bold).fontSize(SIZE.body).heightOfString(label, { width: 120 }), doc.font(FONT.regular).fontSize(SIZE.body).heightOfString(value || '-', { width: CONTENT_WIDTH - 128 }), SIZE.body * 1.2);
      if (doc.y + h + 4 > doc.page.height - MARGIN.bottom) doc.addPage();
      const { y, page } = doc;
      doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOR.muted).text(label, MARGIN.left, y, { width: 120 });
      doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text).text(value || '-', MARGIN.left + 128, y, { width: CONTENT_WIDTH - 128 });
      doc.y = (doc.page === page ? Math.max(doc.y, y + h) : doc.y) + 3;
    }
    doc.end();
    reference.close();
    expect((await readFile(onePass)).equals(await readFile(wrapped))).toBe(true);
  });
});
