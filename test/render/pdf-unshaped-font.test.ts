// The report's own fonts are registered without layout tables (src/render/pdf/pdf-unshaped-font.ts):
// the copy must be a valid font whose glyphs and positions for unshaped text are those of the full
// font, and MultiScriptDocument must draw with it exactly what unshaped layout in the full font gives.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { MultiScriptDocument } from '../../src/render/pdf/multi-script-document.ts';
import { fontFile, STYLE } from '../../src/render/pdf/pdf-fonts.ts';
import { withoutLayoutTables } from '../../src/render/pdf/pdf-unshaped-font.ts';

const OFF = Object.fromEntries(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map((f) => [f, false]));
const TEXT = 'Office affine AVATAR To Wa: café naïve Łódź Žluťoučký — Доступ запрещён; Πρόσβαση … arn:aws:s3:::bucket-1';

function tables(font: fontkit.Font): string[] {
  return Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
}

/** The PDF's bytes (uncompressed) for one call of `draw` on a fresh page. */
function pdfOf(draw: (doc: MultiScriptDocument) => void): Promise<string> {
  const doc = new MultiScriptDocument({ size: 'A4', margin: 40, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
  draw(doc);
  doc.end();
  return done;
}

describe('a font without layout tables', () => {
  for (const key of ['sans', 'sansBold', 'sansOblique', 'mono'] as const) {
    it(`${key}: same glyphs and positions as unshaped layout in the full font, a valid checksum, no layout tables`, () => {
      const data = readFileSync(fontFile(key));
      const stripped = withoutLayoutTables(data);
      const full = fontkit.create(data) as fontkit.Font;
      const bare = fontkit.create(stripped) as fontkit.Font;
      expect(tables(full)).toEqual(expect.arrayContaining(['GSUB', 'GPOS']));
      expect(tables(bare)).not.toEqual(expect.arrayContaining(['GSUB']));
      for (const tag of ['GSUB', 'GPOS', 'GDEF', 'kern']) expect(tables(bare)).not.toContain(tag);
      for (const tag of ['glyf', 'loca', 'hmtx', 'cmap', 'head', 'name']) expect(tables(bare)).toContain(tag);
      const a = full.layout(TEXT, OFF);
      const b = bare.layout(TEXT, OFF);
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.positions).toEqual(a.positions);
      expect(bare.postscriptName).toBe(full.postscriptName);
      // The whole file sums to the spec's magic number once checkSumAdjustment is in place.
      let sum = 0;
      for (let i = 0; i < stripped.length; i += 4) sum = (sum + stripped.readUInt32BE(i)) >>> 0;
      expect(sum).toBe(0xb1b0afba);
      expect(stripped.length % 4).toBe(0);
      expect(stripped.length).toBeLessThan(data.length);
    });
  }

  it('refuses a font collection', () => {
    expect(() => withoutLayoutTables(Buffer.from('ttcf\0\x01\0\0\0\0\0\0', 'latin1'))).toThrow(/collection/);
  });
});

describe('MultiScriptDocument', () => {
  it('draws plain text unkerned, as it measures it (no kerning adjustments in the TJ array)', async () => {
    const pdf = await pdfOf((doc) => doc.font(STYLE.regular).fontSize(11).text('AVATAR To Wa', 40, 40, { width: 400 }));
    const tj = /\[(<[0-9a-f]+>[^\]]*)\] TJ/.exec(pdf)?.[1];
    expect(tj).toMatch(/^<[0-9a-f]+> 0$/);
  });

  it('keeps options given without a position (pdfkit would drop them)', async () => {
    const at = (pdf: string) => Number(/1 0 0 1 ([\d.]+) [\d.]+ Tm/.exec(pdf)?.[1]);
    const left = await pdfOf((doc) => doc.font(STYLE.regular).fontSize(11).text('right', { width: 400 }));
    const right = await pdfOf((doc) => doc.font(STYLE.regular).fontSize(11).text('right', { width: 400, align: 'right' }));
    expect(at(left)).toBe(40);
    expect(at(right)).toBeGreaterThan(400);
  });

  it('draws text with combining marks in the full font, shaped, and plain text in the copy', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font(STYLE.regular).fontSize(11).text('plain', 40, 40, { width: 400 });
      doc.text('i\u0301', 40, 60, { width: 400 });
    });
    const fonts = [...pdf.matchAll(/\/(F\d+) 11 Tf/g)].map((m) => m[1]);
    expect(fonts).toHaveLength(2);
    expect(fonts[0]).not.toBe(fonts[1]);
    // ccmp in the full font: the i becomes a dotless i under the acute (two glyphs, neither the plain i).
    const full = fontkit.create(readFileSync(fontFile('sans'))) as fontkit.Font;
    expect(full.layout('i\u0301').glyphs[0].id).not.toBe(full.glyphForCodePoint(0x69).id);
    expect(pdf.match(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed\b/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
