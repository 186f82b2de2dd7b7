// Faster text measurement for pdfkit's standard (AFM) fonts, with the same results.
//
// pdfkit measures every word it wraps and every string it draws with StandardFont.widthOfString, which
// builds arrays of glyph names and looks each kerning pair up as `left + '\0' + right` in an object of
// ~2,700 keys: at 100,000 table rows that lookup alone was the largest single cost of report.pdf.
// This replaces, once per process, the two methods with versions that read per-character tables
// built on first use (character code -> glyph width, and a kerning table per left glyph). The arithmetic
// is the same, in the same order, so widths, line breaks and the drawn document are unchanged.
import type { Doc } from './pdf-blocks.ts';

interface AfmFont {
  kernPairs: Record<string, number>;
  glyphWidths: Record<string, number>;
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string): number;
  /** Added here: kerning pairs by left glyph. */
  __kernByLeft?: Map<string, Map<string, number>>;
}

interface StandardFontInstance {
  font: AfmFont;
  widthOfString(text: string, size: number, features?: unknown): number;
}

const patched = new WeakSet<object>();

function kernByLeft(font: AfmFont): Map<string, Map<string, number>> {
  if (font.__kernByLeft) return font.__kernByLeft;
  const byLeft = new Map<string, Map<string, number>>();
  for (const [pair, value] of Object.entries(font.kernPairs)) {
    const [left, right] = pair.split('\0');
    let m = byLeft.get(left);
    if (!m) byLeft.set(left, (m = new Map()));
    m.set(right, value);
  }
  font.__kernByLeft = byLeft;
  return byLeft;
}

/** Installs the faster measurement on the document's standard-font classes (idempotent). */
export function useFastFontMetrics(doc: Doc): void {
  const saved = (doc as unknown as { _font?: unknown })._font;
  doc.font('Helvetica');
  const std = (doc as unknown as { _font: StandardFontInstance })._font;
  (doc as unknown as { _font?: unknown })._font = saved;
  const stdProto = Object.getPrototypeOf(std) as StandardFontInstance;
  const afmProto = Object.getPrototypeOf(std.font) as AfmFont;
  if (patched.has(stdProto) || typeof std.font?.kernPairs !== 'object' || typeof stdProto.widthOfString !== 'function') return;
  patched.add(stdProto);

  afmProto.getKernPair = function getKernPair(this: AfmFont, left: string, right: string): number {
    return kernByLeft(this).get(left)?.get(right) || 0;
  };

  // Same sum as pdfkit's: for each glyph, its width plus the kerning with the next glyph, then scaled.
  stdProto.widthOfString = function widthOfString(this: StandardFontInstance, text: string, size: number): number {
    const font = this.font;
    const kerning = kernByLeft(font);
    const s = `${text}`;
    let width = 0;
    let left = s.length ? font.characterToGlyph(s.charCodeAt(0)) : '';
    for (let i = 0; i < s.length; i++) {
      const right = i + 1 < s.length ? font.characterToGlyph(s.charCodeAt(i + 1)) : undefined;
      width += (font.glyphWidths[left] || 0) + ((right !== undefined && kerning.get(left)?.get(right)) || 0);
      if (right !== undefined) left = right;
    }
    return width * (size / 1000);
  };
}
