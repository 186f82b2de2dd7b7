// report.pdf on A4 or Letter (config report.pageSize, issue 16 item 5), and the PDF/A-2b parts the
// report carries together with its signature (issue 16 item 6; docs/pdf.md says what is and is not met).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadNarrative } from '../../src/render/narrative.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import { describeSigner } from '../../src/sign/signing-identity.ts';
import { syntheticRun } from './synthetic-run.ts';

let work: string;
const file = (size: string) => join(work, `${size}.pdf`);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-pagesize-'));
  const { results } = syntheticRun({ findings: 150 });
  results.run.organization = 'Acme & <Sons> شركة أكمي';
  const identity = await developmentIdentity(join(work, 'home'), 'Test');
  const vm = buildViewModel(results, describeSigner(identity));
  const text = await loadNarrative(vm);
  for (const pageSize of ['A4', 'Letter'] as const) await renderPdf(file(pageSize), vm, text, identity, new Date('2026-11-20T03:00:00Z'), { pageSize });
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every page's size as pdfinfo reports it. */
function pageSizes(path: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+(.*)/g)].map((m) => m[1].trim());
}

describe('page size', () => {
  it('is Letter (612 x 792 pt MediaBox) on every page when asked, A4 otherwise', () => {
    const letter = pageSizes(file('Letter'));
    expect(letter.length).toBeGreaterThan(5);
    expect(new Set(letter)).toEqual(new Set(['612 x 792 pts (letter)']));
    expect(new Set(pageSizes(file('A4')))).toEqual(new Set(['595.28 x 841.89 pts (A4)']));
  });

  it('is set in the config as report.pageSize, A4 or Letter', () => {
    expect(parseConfig({ report: { pageSize: 'Letter' } }, 'proofline.config.yaml').report?.pageSize).toBe('Letter');
    expect(parseConfig({ report: {} }, 'proofline.config.yaml').report?.pageSize).toBe('A4');
    expect(() => parseConfig({ report: { pageSize: 'A3' } }, 'proofline.config.yaml')).toThrow(/report\.pageSize/);
  });
});

describe('PDF/A-2b parts, with the signature', () => {
  it('declares PDF/A-2b in well-formed XMP whose title matches the information dictionary', () => {
    const xmp = execFileSync('pdfinfo', ['-meta', file('Letter')], { encoding: 'utf8' });
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const packet = xmp.slice(xmp.indexOf('<x:xmpmeta'), xmp.indexOf('</x:xmpmeta>') + '</x:xmpmeta>'.length);
    expect(XMLValidator.validate(packet)).toBe(true); // the organization's "&" and "<" did not break it
    const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</.exec(packet)![1];
    const info = /Title:\s+(.*)/.exec(execFileSync('pdfinfo', [file('Letter')], { encoding: 'utf8' }))![1].trim();
    expect(title).toBe(info);
    expect(title).toContain('شركة أكمي');
  });

  it('has an sRGB output intent, a file identifier, a printable signature widget and no NeedAppearances', async () => {
    const raw = (await readFile(file('A4'))).toString('latin1');
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toMatch(/\/Type \/OutputIntent\s+\/S \/GTS_PDFA1[\s\S]*?\/DestOutputProfile \d+ 0 R/);
    expect(raw).toMatch(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/);
    expect(raw).toMatch(/\/Subtype \/Widget\s+\/FT \/Sig[^>]*\/F 4/);
    expect(raw).not.toContain('NeedAppearances');
  });

  it('embeds every font, and the signature still verifies', () => {
    for (const size of ['A4', 'Letter']) {
      const rows = execFileSync('pdffonts', [file(size)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
      expect(execFileSync('pdfsig', [file(size)], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
    }
  });
});
