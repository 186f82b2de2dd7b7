// Printable ASCII drawn in the report's unshaped fonts, encoded from a per-character cache. pdfkit
// encodes every drawn line with fontkit's `layout` (a glyph lookup in the character map, a glyph and a
// position object per character, then pdfkit rescales each position): most of the drawing time of a
// 100,000-finding report. In a font without layout tables (pdf-unshaped-font.ts) a printable ASCII
// character always gets the same glyph and advance whatever surrounds it: no substitution, kerning or
// mark placement, nothing is right to left, and none is a default-ignorable that fontkit hides. So each
// character is encoded once per document font by pdfkit itself, the first time it is drawn, and later
// lines reuse its glyph's hex code and position: the same glyphs, subset order, widths and ToUnicode
// map as pdfkit's own encoding, i.e. byte-identical output.
//
// pdfkit internals: the document's current font `_font` and its `encode(text, features)`, which
// `_fragment` calls to turn a line into glyph codes and positions. pdfkit is pinned exactly, and
// test/package/pdfkit-internals.test.ts fails if an upgrade changes what this relies on.
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

type Encode = (text: string, features?: unknown) => [string[], Position[]];

interface EmbeddedFont {
  encode: Encode;
}

const ASCII = /^[\x20-\x7E]*$/;
const installed = new WeakSet<object>();

/** Makes `font` (a pdfkit font whose data has no layout tables) encode printable ASCII from a cache. */
export function cacheAsciiGlyphs(font: unknown): void {
  const f = font as EmbeddedFont;
  if (installed.has(f) || typeof f?.encode !== 'function') return;
  installed.add(f);
  const encode = f.encode.bind(f);
  const codes: (string | undefined)[] = new Array(0x7f);
  const positions: (Position | undefined)[] = new Array(0x7f);
  f.encode = (text, features) => {
    if (!ASCII.test(text)) return encode(text, features);
    const n = text.length;
    const hex = new Array<string>(n);
    const pos = new Array<Position>(n);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let code = codes[c];
      if (code === undefined) {
        // First use in this document: pdfkit adds the glyph to the subset, its width and its Unicode.
        const [[h], [p]] = encode(text[i], features);
        codes[c] = code = h;
        positions[c] = Object.freeze({ ...p });
      }
      hex[i] = code;
      pos[i] = positions[c]!;
    }
    return [hex, pos];
  };
}

/** The document's current pdfkit font (pdfkit internal `_font`). */
export function currentPdfkitFont(doc: object): unknown {
  return (doc as { _font?: unknown })._font;
}
