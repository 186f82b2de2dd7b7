// The report's fonts: embedded (pdfkit subsets each to the glyphs used), from packages installed with
// the product, never from the system. DejaVu carries Latin, Greek and Cyrillic (and many symbols); each
// other script falls back to a Noto font: Chinese and Japanese (Noto Sans Hans: GB 2312, kana, most
// traditional forms), Korean (Noto Sans KR: Hangul), Arabic (Noto Naskh), Hebrew, Devanagari, and
// monochrome emoji.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { unshapedFontData } from './pdf-unshaped-font.ts';

const require = createRequire(import.meta.url);

/** A file inside an installed package (found the way Node finds the package, whatever its `exports`). */
function packageFile(pkg: string, file: string): string {
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const path = join(dir, pkg, file);
    if (existsSync(path)) return path;
  }
  throw new Error(`Font file ${file} of package ${pkg} is not installed (reinstall the product's dependencies)`);
}

const FILES = {
  // Condensed: about as wide as the Helvetica the report was laid out in, so tables keep their density.
  sans: ['dejavu-fonts-ttf', 'ttf/DejaVuSansCondensed.ttf'],
  sansBold: ['dejavu-fonts-ttf', 'ttf/DejaVuSansCondensed-Bold.ttf'],
  sansOblique: ['dejavu-fonts-ttf', 'ttf/DejaVuSansCondensed-Oblique.ttf'],
  mono: ['dejavu-fonts-ttf', 'ttf/DejaVuSansMono.ttf'],
  cjk: ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Regular.otf'],
  cjkBold: ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Bold.otf'],
  korean: ['@embedpdf/fonts-kr', 'fonts/NotoSansKR-Regular.otf'],
  koreanBold: ['@embedpdf/fonts-kr', 'fonts/NotoSansKR-Bold.otf'],
  arabic: ['@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Regular.ttf'],
  arabicBold: ['@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Bold.ttf'],
  hebrew: ['@embedpdf/fonts-hebrew', 'fonts/NotoSansHebrew-Regular.ttf'],
  hebrewBold: ['@embedpdf/fonts-hebrew', 'fonts/NotoSansHebrew-Bold.ttf'],
  devanagari: ['@expo-google-fonts/noto-sans-devanagari', '400Regular/NotoSansDevanagari_400Regular.ttf'],
  devanagariBold: ['@expo-google-fonts/noto-sans-devanagari', '700Bold/NotoSansDevanagari_700Bold.ttf'],
  emoji: ['@expo-google-fonts/noto-emoji', '400Regular/NotoEmoji_400Regular.ttf'],
  emojiBold: ['@expo-google-fonts/noto-emoji', '700Bold/NotoEmoji_700Bold.ttf'],
} as const;

export type FontKey = keyof typeof FILES;

/** The name a font is registered under in a document. */
export function fontName(key: FontKey): string {
  return `proofline-${key}`;
}

/** The styles the report writes in: what `doc.font(...)` is given (pdf-theme.ts FONT). */
export const STYLE = { regular: fontName('sans'), bold: fontName('sansBold'), italic: fontName('sansOblique'), mono: fontName('mono') } as const;

/** For each style: its own font, then the fonts tried in order for characters it lacks. */
const CHAINS: Record<string, FontKey[]> = {
  [STYLE.regular]: ['sans', 'cjk', 'korean', 'arabic', 'hebrew', 'devanagari', 'emoji'],
  [STYLE.bold]: ['sansBold', 'cjkBold', 'koreanBold', 'arabicBold', 'hebrewBold', 'devanagariBold', 'emojiBold', 'sans'],
  [STYLE.italic]: ['sansOblique', 'cjk', 'korean', 'arabic', 'hebrew', 'devanagari', 'emoji', 'sans'],
  [STYLE.mono]: ['mono', 'cjk', 'korean', 'arabic', 'hebrew', 'devanagari', 'emoji', 'sans'],
};

// Scripts with a font of their own go to it even where DejaVu has glyphs (its Arabic and Hebrew are
// basic; Noto's are shaped and spaced for the script).
const SCRIPT_FONTS: [ranges: [number, number][], regular: FontKey, bold: FontKey][] = [
  [[[0x0600, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]], 'arabic', 'arabicBold'],
  [[[0x0590, 0x05ff], [0xfb1d, 0xfb4f]], 'hebrew', 'hebrewBold'],
  [[[0x0900, 0x097f], [0xa8e0, 0xa8ff]], 'devanagari', 'devanagariBold'],
];

/** The styles' own fonts (DejaVu), which draw their text unshaped (multi-script-document.ts). */
const OWN = new Set<FontKey>(Object.values(CHAINS).map((chain) => chain[0]));

/** The name of the font's version with its layout tables, for text that needs shaping. */
export function shapedFontName(key: FontKey): string {
  return OWN.has(key) ? `${fontName(key)}-shaped` : fontName(key);
}

/**
 * Every font under its name. A style's own font is registered without its layout tables
 * (pdf-unshaped-font.ts: pdfkit's encoding of each run ~5x cheaper, same glyphs and positions as
 * unshaped layout) and again whole under `shapedFontName`, for pieces of text that need shaping
 * (combining marks, text beside another script). pdfkit opens and embeds only the fonts a document uses.
 */
export function registerReportFonts(doc: { registerFont(name: string, src: string | Buffer): unknown }): void {
  for (const key of Object.keys(FILES) as FontKey[]) {
    if (OWN.has(key)) doc.registerFont(fontName(key), unshapedFontData(fontFile(key)));
    doc.registerFont(shapedFontName(key), fontFile(key));
  }
}

export function fontFile(key: FontKey): string {
  const [pkg, file] = FILES[key];
  return packageFile(pkg, file);
}

const opened = new Map<FontKey, fontkit.Font>();
function fontkitFont(key: FontKey): fontkit.Font {
  let font = opened.get(key);
  if (!font) opened.set(key, (font = fontkit.openSync(fontFile(key)) as fontkit.Font));
  return font;
}

const coverage = new Map<FontKey, Map<number, boolean>>();
/** Whether the font has a glyph for the code point (cached: one cmap look-up per font and character). */
export function covers(key: FontKey, codePoint: number): boolean {
  let map = coverage.get(key);
  if (!map) coverage.set(key, (map = new Map()));
  let has = map.get(codePoint);
  if (has === undefined) map.set(codePoint, (has = fontkitFont(key).hasGlyphForCodePoint(codePoint)));
  return has;
}

/** The font's ascender in thousandths of an em (pdfkit places a line's baseline one ascender below its top). */
export function ascender(key: FontKey): number {
  const font = fontkitFont(key);
  return (font.ascent * 1000) / font.unitsPerEm;
}

const advances = new Map<FontKey, Float64Array>();
/**
 * Width of a string of the font's own characters (no surrogates) in thousandths of an em: the sum of
 * its glyphs' advance widths, looked up per character. pdfkit measures by shaping each word with
 * fontkit (OpenType lookups) and keeps every shaped word: at 10,000 findings that took most of the
 * report's time and hundreds of MB. Kerning and ligatures are left out of the measure (a fraction of a
 * point on a line); pdfkit still shapes what it draws.
 */
export function advanceWidth(key: FontKey, text: string): number {
  let table = advances.get(key);
  if (!table) advances.set(key, (table = new Float64Array(0x10000).fill(-1)));
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let w = table[code];
    if (w < 0) {
      const font = fontkitFont(key);
      table[code] = w = code < 0x20 ? 0 : (font.glyphForCodePoint(code).advanceWidth * 1000) / font.unitsPerEm;
    }
    width += w;
  }
  return width;
}

export function isReportStyle(name: string): boolean {
  return name in CHAINS;
}

/** The style's own font (where characters it has are drawn). */
export function primaryFont(style: string): FontKey {
  return CHAINS[style][0];
}

/** The font a character is drawn with in `style`; undefined when no font has it (drawn as a missing glyph in the style's font). */
export function fontForCodePoint(style: string, codePoint: number): FontKey | undefined {
  const chain = CHAINS[style];
  const bold = style === STYLE.bold;
  for (const [ranges, regular, boldKey] of SCRIPT_FONTS) {
    if (!ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) continue;
    const own = bold ? boldKey : regular;
    if (covers(own, codePoint)) return own;
  }
  return chain.find((k) => covers(k, codePoint));
}
