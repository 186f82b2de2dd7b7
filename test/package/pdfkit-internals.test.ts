// Canary for the one place the report relies on pdfkit internals (src/render/pdf/pdf-sink.ts: the
// document's `_write` and `_offset`). If a pdfkit upgrade changes them, this fails loudly here rather
// than as a broken or unsigned report.pdf.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discardOutput, writeOutputTo } from '../../src/render/pdf/pdf-sink.ts';

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

async function publicStreamBytes(): Promise<Buffer> {
  const doc = sampleDocument();
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
