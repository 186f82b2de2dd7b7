// A report opens and embeds a fallback font only when some of its text needs it: Latin text in every
// style embeds the DejaVu faces alone (no Noto font is read, parsed or subset); one Chinese word adds
// the Chinese font and nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportDocument } from '../../../src/render/pdf/pdf-document.ts';
import { STYLE } from '../../../src/render/pdf/pdf-fonts.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-fonts-used-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The fonts pdffonts finds in a one-page document with `text` in each of the report's styles. */
function embeddedFonts(name: string, text: string): string[] {
  const file = join(work, `${name}.pdf`);
  const { doc, close } = openReportDocument(file, { Title: name, CreationDate: new Date(0) });
  doc.addPage();
  for (const style of Object.values(STYLE)) doc.font(style).text(text, 50, undefined);
  doc.end();
  close();
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort();
}

describe('fonts are opened when text needs them', () => {
  it('embeds only the DejaVu faces for Latin text', () => {
    expect(embeddedFonts('latin', 'Bucket encryption: aws:kms, 42 resources (ÄÖÜ é ß)')).toEqual(['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'DejaVuSansCondensed-Oblique', 'DejaVuSansMono']);
  });

  it('adds the Chinese fallback, and no other, for a Chinese word', () => {
    const fonts = embeddedFonts('chinese', 'Access: 访问被拒绝');
    expect(fonts.filter((f) => !f.startsWith('DejaVu'))).toEqual(['NotoSansHans-Bold', 'NotoSansHans-Regular']);
  });
});
