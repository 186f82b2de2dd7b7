// The parts of fontkit and linebreak (pdfkit's own font and line-breaking libraries, which ship no
// types) that the report uses.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
  }
  export function openSync(path: string): Font | { fonts: Font[] };
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
