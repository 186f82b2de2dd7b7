// A font's data without its OpenType layout tables, for text the report draws unshaped (its styles'
// own fonts: Latin, Greek, Cyrillic in DejaVu). pdfkit encodes every drawn run with fontkit's `layout`,
// which with these tables present runs the whole OpenType machinery (a glyph-info object per glyph,
// feature plans, lookups) even when every feature is switched off: ~30 µs per 100-character line, half
// of the report's time. Without them fontkit maps characters to glyphs and adds their advance widths,
// ~5x cheaper, and the glyphs and positions are the same as unshaped layout in the full font. The
// embedded subset is unchanged: pdfkit's subsetter copies only outlines and metrics (glyf, loca, hmtx,
// head, hhea, maxp, cvt, fpgm, prep), never these tables.
import { readFileSync } from 'node:fs';

/** Substitution, positioning and their glyph classes; the legacy kerning table; math layout. */
const LAYOUT_TABLES = new Set(['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH', 'JSTF', 'BASE', 'morx', 'mort', 'kerx']);

interface TableRecord {
  tag: string;
  checksum: number;
  data: Buffer;
}

/**
 * An sfnt (TrueType or CFF OpenType) rebuilt from the tables of `font` but the layout tables: a new
 * table directory (OpenType spec, "Organization of an OpenType font") and each kept table's bytes as
 * they were, 4-byte aligned.
 */
export function withoutLayoutTables(font: Buffer): Buffer {
  if (font.toString('latin1', 0, 4) === 'ttcf') throw new Error('a font collection has no single table directory');
  const count = font.readUInt16BE(4);
  const kept: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    if (offset + length > font.length) throw new Error(`font table ${tag} lies outside the file`);
    if (!LAYOUT_TABLES.has(tag)) kept.push({ tag, checksum: font.readUInt32BE(at + 4), data: font.subarray(offset, offset + length) });
  }
  const n = kept.length;
  const selector = Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  font.copy(header, 0, 0, 4); // sfnt version: TrueType outlines or 'OTTO'
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * 2 ** selector, 6); // searchRange
  header.writeUInt16BE(selector, 8); // entrySelector
  header.writeUInt16BE(16 * n - 16 * 2 ** selector, 10); // rangeShift
  const parts: Buffer[] = [header];
  let offset = header.length;
  let headAt: number | undefined;
  kept.forEach((t, i) => {
    if (t.tag === 'head') headAt = offset;
    const at = 12 + 16 * i;
    header.write(t.tag, at, 'latin1');
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padding = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(padding));
    offset += t.data.length + padding;
  });
  const out = Buffer.concat(parts, offset);
  if (headAt !== undefined) setChecksumAdjustment(out, headAt);
  return out;
}

/**
 * The whole-font checksum in the head table, for the new file (as the spec asks). It also tells pdfkit
 * this is another font than the full one of the same name: pdfkit shares one font object between
 * registrations whose head checksum and names are equal.
 */
function setChecksumAdjustment(font: Buffer, headAt: number): void {
  font.writeUInt32BE(0, headAt + 8);
  let sum = 0;
  for (let i = 0; i + 4 <= font.length; i += 4) sum = (sum + font.readUInt32BE(i)) >>> 0;
  font.writeUInt32BE((0xb1b0afba - sum) >>> 0, headAt + 8);
}

const made = new Map<string, Buffer>();
/** The font file's data without layout tables (made once per process: every document registers it). */
export function unshapedFontData(file: string): Buffer {
  let data = made.get(file);
  if (!data) made.set(file, (data = withoutLayoutTables(readFileSync(file))));
  return data;
}
