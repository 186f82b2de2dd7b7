// The parts of fontkit and linebreak (pdfkit's own font and line-breaking libraries, which ship no
// types) that the report uses.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface Font {
    postscriptName: string;
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Shapes `text`; `features` switches OpenType features on or off by tag. */
    layout(text: string, features?: Record<string, boolean> | string[]): { glyphs: Glyph[]; positions: GlyphPosition[] };
  }
  export function openSync(path: string): Font | { fonts: Font[] };
  export function create(data: Uint8Array): Font | { fonts: Font[] };
}

declare module 'linebreak' {
  interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
