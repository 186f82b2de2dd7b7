// Canary for the two places the report relies on pdfkit internals: src/render/pdf/pdf-sink.ts (the
// document's `_write` and `_offset`) and src/render/pdf/pdf-glyph-cache.ts (the current font `_font` and
// its `encode`). If a pdfkit upgrade changes them, this fails loudly here rather than as a broken,
// unsigned or wrongly drawn report.pdf.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFile, type FontKey } from '../../src/render/pdf/pdf-fonts.ts';
import { cacheAsciiGlyphs, currentPdfkitFont } from '../../src/render/pdf/pdf-glyph-cache.ts';
import { discardOutput, writeOutputTo } from '../../src/render/pdf/pdf-sink.ts';
import { unshapedFontData } from '../../src/render/pdf/pdf-unshaped-font.ts';

const require = createRequire(import.meta.url);
type Internals = { _write?: unknown; _offset?: unknown };

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-pdfkit-canary-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A small document with text, a font, a second page and an outline: every kind of object the report writes. */
function sampleDocument(): InstanceType<typeof PDFDocument> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, pdfVersion: '1.7', info: { CreationDate: new Date(0), Title: 'canary' } });
  doc.addPage().font('Helvetica').fontSize(11).text('pdfkit canary, page one', 50, 50, { width: 300 });
  doc.outline.addItem('one');
  doc.addPage().text('page two');
  return doc;
}

async function publicStreamBytes(doc = sampleDocument()): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('pdfkit internals the report relies on', () => {
  it('is the exact pdfkit version package.json pins', async () => {
    const pinned = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).dependencies.pdfkit as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect((require('pdfkit/package.json') as { version: string }).version).toBe(pinned);
  });

  it('still has a `_write` method and a numeric `_offset` on the document', () => {
    const doc = sampleDocument() as unknown as Internals;
    expect(typeof doc._write).toBe('function');
    expect(typeof doc._offset).toBe('number');
  });

  it('sends every byte through `_write`: the streamed file is byte for byte what its public stream gives', async () => {
    const expected = await publicStreamBytes();
    const doc = sampleDocument();
    const path = join(work, 'streamed.pdf');
    const output = writeOutputTo(doc, path);
    doc.end();
    output.close();
    expect((await readFile(path)).equals(expected)).toBe(true);
  });

  it('counts in `_offset` exactly the bytes it writes (the measuring pass relies on the count for its object offsets)', async () => {
    const expected = await publicStreamBytes();
    const doc = sampleDocument();
    discardOutput(doc);
    doc.end();
    expect((doc as unknown as Internals)._offset).toBe(expected.length);
  });
});

describe('the ASCII glyph cache (pdf-glyph-cache.ts)', () => {
  const FACES: FontKey[] = ['sans', 'sansBold', 'sansOblique', 'mono'];
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
  // ASCII in both orders (the subset numbers glyphs in order of first use), repeated, and beside text
  // the cache leaves to pdfkit (Latin-1, Greek, Cyrillic, a soft hyphen fontkit hides).
  const LINES = ['arn:aws:s3:::bucket-000123  eu-west-1  fail', [...ascii].reverse().join(''), ascii, 'Déjà vu: Ωμέγα, Щ, co\u00ADoperate', 'arn:aws:s3:::bucket-000123  eu-west-1  fail', ''];

  function fontDocument(cached: boolean): InstanceType<typeof PDFDocument> {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false, pdfVersion: '1.7', info: { CreationDate: new Date(0), Title: 'glyph cache' } });
    for (const face of FACES) doc.registerFont(face, unshapedFontData(fontFile(face)));
    doc.addPage();
    let y = 40;
    for (const face of FACES) {
      doc.font(face).fontSize(9);
      if (cached) cacheAsciiGlyphs(currentPdfkitFont(doc));
      for (const line of LINES) {
        doc.text(line, 40, y, { lineBreak: false, features: [] });
        doc.text(line, 40, y + 10, { width: 200 }); // pdfkit's wrapper, word by word
        y += 40;
      }
    }
    return doc;
  }

  it('finds a current font with an `encode` method after font()', () => {
    const doc = fontDocument(false);
    expect(typeof (currentPdfkitFont(doc) as { encode?: unknown }).encode).toBe('function');
  });

  it('writes byte for byte the document pdfkit writes without it', async () => {
    const plain = await publicStreamBytes(fontDocument(false));
    const cached = await publicStreamBytes(fontDocument(true));
    expect(plain.length).toBeGreaterThan(10_000);
    expect(cached.equals(plain)).toBe(true);
  });
});
