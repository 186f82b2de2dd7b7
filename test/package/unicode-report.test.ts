// Every script comes out of the signed report as it went in (issue 16 item 6): an AWS error message in
// Chinese, German, Arabic, Hebrew and Hindi with an emoji, and a Japanese and Arabic organization name,
// are drawn in embedded fonts that have them (Arabic shaped and right to left), and pdftotext reads them
// back; every font in the file is embedded; the signature still verifies.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealRecord, type EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { readSnapshotIndex } from '../../src/collect/snapshot/read-snapshot.ts';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { recordingPackage, type BuiltPackage } from './package-fixture.ts';

const SAMPLE = fileURLToPath(new URL('../../samples/sample-account', import.meta.url));
const PARTS = { chinese: '访问被拒绝', german: 'Zugriff verweigert', arabic: 'الوصول مرفوض', hebrew: 'הגישה נדחתה', hindi: 'पहुँच अस्वीकृत', korean: '접근 거부', emoji: '🚫' };
const MESSAGE = `${PARTS.chinese} — ${PARTS.german} — ${PARTS.arabic} — ${PARTS.hebrew} — ${PARTS.hindi} — ${PARTS.korean} ${PARTS.emoji}`;
const ORGANIZATION = { japanese: '株式会社アクメ・ヘルス', arabic: 'شركة أكمي للصحة' };

let work: string;
let pkg: BuiltPackage;
let text: string;

/** The sample's recording with the multi-script message as the AWS error of backup.ListBackupVaults in us-east-1. */
async function recordingWithMessage(dir: string): Promise<void> {
  const index = await readSnapshotIndex(SAMPLE);
  const records: EvidenceRecord[] = [];
  let changed = 0;
  for (const entry of index.records) {
    const record = JSON.parse(await readFile(join(SAMPLE, entry.file), 'utf8')) as EvidenceRecord;
    if (record.key === 'backup.ListBackupVaults' && record.outcome === 'error' && record.error) {
      record.error.message = MESSAGE;
      changed++;
    }
    records.push(sealRecord(record));
  }
  expect(changed).toBe(1);
  await writeSnapshot(dir, records, index.scope, { createdAt: index.createdAt });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-unicode-'));
  await recordingWithMessage(join(work, 'recording'));
  pkg = await recordingPackage(join(work, 'recording'), { organization: `${ORGANIZATION.japanese} ${ORGANIZATION.arabic}` });
  // pdftotext marks right-to-left runs with embedding controls; they are not part of the text.
  text = execFileSync('pdftotext', [join(pkg.dir, 'report.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}, 240_000);
afterAll(async () => {
  await pkg?.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('report.pdf in every script', () => {
  it('gives back each script of the AWS error message', () => {
    for (const [script, part] of Object.entries(PARTS)) expect(text, script).toContain(part);
  });

  it('gives back the organization name in Japanese and Arabic (cover and running header)', () => {
    expect(text).toContain(`${ORGANIZATION.japanese} ${ORGANIZATION.arabic}`);
    expect(text.split(`${ORGANIZATION.japanese}`).length).toBeGreaterThan(10);
  });

  it('embeds every font it uses, a fallback font for each script among them', () => {
    const rows = execFileSync('pdffonts', [join(pkg.dir, 'report.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes'); // the "emb" column
    const names = rows.map((r) => r.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    for (const font of ['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'DejaVuSansMono', 'NotoSansHans-Regular', 'NotoSansKR-Regular', 'NotoNaskhArabic', 'NotoSansHebrew', 'NotoSansDevanagari-Regular', 'NotoEmoji-Regular']) expect(names).toContain(font);
  });

  it('still carries a valid signature over the whole file', () => {
    const out = execFileSync('pdfsig', [join(pkg.dir, 'report.pdf')], { encoding: 'utf8' });
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
  });
});
