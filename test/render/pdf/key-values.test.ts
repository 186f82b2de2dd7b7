// Label / value rows: a label longer than its column wraps there, and the next row starts below the
// taller of label and value (a wrapped label once ran over the next row's label: "How regions were
// chosen" over "Frameworks" in the sample report).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyValues } from '../../../src/render/pdf/pdf-blocks.ts';
import { openReportDocument } from '../../../src/render/pdf/pdf-document.ts';
import { MARGIN } from '../../../src/render/pdf/pdf-theme.ts';

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
});
