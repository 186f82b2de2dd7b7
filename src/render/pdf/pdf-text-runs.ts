// Text in any script, in pieces pdfkit can draw: each piece in one font (the style's own, else the first
// font of its fallback chain that has the characters), in display order. Right-to-left text is
// reordered with the Unicode bidirectional algorithm (bidi-js); each right-to-left word stays in
// logical order inside its piece, because fontkit shapes it (Arabic joining) and lays its glyphs out
// right to left itself.
import bidiModule from 'bidi-js';
import LineBreaker from 'linebreak';
import { fontForCodePoint, primaryFont, type FontKey } from './pdf-fonts.ts';

// bidi-js is CommonJS with types written as an ES module: at run time the default import is the factory.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

export interface Piece {
  font: FontKey;
  text: string;
}

const SIMPLE = new Map<string, Uint8Array>();
const MARK = /\p{M}/u;
/** True when every character is drawn in the style's own font, left to right, without combining marks: pdfkit draws the text as it is, unshaped. */
export function isSimpleText(style: string, text: string): boolean {
  if (/^[\x20-\x7E\n]*$/.test(text)) return true; // every style's own font has printable ASCII
  let known = SIMPLE.get(style);
  if (!known) SIMPLE.set(style, (known = new Uint8Array(0x10000)));
  const own = primaryFont(style);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return false; // beyond the BMP (emoji, rare ideographs)
    let state = known[code];
    if (state === 0) {
      const font = code < 0x20 ? own : fontForCodePoint(style, code);
      // A combining mark is placed on its base by the font's positioning rules: shaped, not simple.
      known[code] = state = (font === undefined || font === own) && !MARK.test(String.fromCharCode(code)) ? 1 : 2;
    }
    if (state === 2) return false;
  }
  return true;
}

/** The text's runs of one font each, in logical order (spaces stay with the run they follow when its font has them). */
export function fontRuns(style: string, text: string): Piece[] {
  const runs: Piece[] = [];
  const own = primaryFont(style);
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const last = runs.at(-1);
    const font = last && /\s/.test(char) && fontForCodePoint(style, cp) !== undefined ? last.font : (fontForCodePoint(style, cp) ?? own);
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** One line of text as pieces in display order (left to right on the page). */
export function visualPieces(style: string, line: string): Piece[] {
  const runs = fontRuns(style, line);
  if (!/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(line)) return runs; // no right-to-left characters
  // Each code unit's font, then display order from the embedding levels.
  const fontAt: FontKey[] = [];
  for (const r of runs) for (let i = 0; i < r.text.length; i++) fontAt.push(r.font);
  const levels = bidi.getEmbeddingLevels(line);
  const units = Array.from({ length: line.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(line, levels)) units.splice(start, end - start + 1, ...units.slice(start, end + 1).reverse());
  const pieces: (Piece & { rtl: boolean })[] = [];
  for (const i of units) {
    const code = line.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && line.charCodeAt(i - 1) >= 0xd800 && line.charCodeAt(i - 1) <= 0xdbff) continue; // second half of a pair: taken with the first
    const char = code >= 0xd800 && code <= 0xdbff ? line.slice(i, i + 2) : line[i];
    const rtl = (levels.levels[i] & 1) === 1;
    const last = pieces.at(-1);
    // A right-to-left piece ends at each space: its words are drawn one by one, right to left.
    if (last && last.font === fontAt[i] && last.rtl === rtl && !(rtl && (/\s/.test(char) || /\s$/.test(last.text)))) last.text += char;
    else pieces.push({ font: fontAt[i], text: char, rtl });
  }
  // A right-to-left piece was collected in display order; pdfkit takes it in logical order.
  return pieces.map((p) => ({ font: p.font, text: p.rtl ? Array.from(p.text).reverse().join('') : p.text }));
}

/**
 * Lines of at most `width` (as measured by `measure`), broken where Unicode allows (UAX #14, as pdfkit
 * does), at explicit newlines, and inside a word only when the word alone is wider than a line.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const breaker = new LineBreaker(paragraph);
    let line = '';
    let lineWidth = 0;
    let last = 0;
    const place = (word: string) => {
      const w = measure(word.trimEnd());
      if (line && lineWidth + w > width) {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (!line && w > width) {
        // A word wider than the line: as many characters as fit on each line.
        let piece = '';
        for (const char of word) {
          if (piece && measure(piece + char) > width) {
            lines.push(piece);
            piece = '';
          }
          piece += char;
        }
        line = piece;
        lineWidth = measure(piece);
        return;
      }
      line += word;
      lineWidth += measure(word);
    };
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      place(paragraph.slice(last, bk.position));
      last = bk.position;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
