// The streamed writers produce exactly the bytes of the simple, whole-document way of writing them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOscal, renderOscal } from '../../src/render/oscal/render-oscal.ts';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import type { SignerDescription } from '../../src/sign/signing-identity.ts';
import PDFDocument from 'pdfkit';
import { serializeRecord, unsealRecord } from '../../src/collect/evidence-record.ts';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { stableStringify } from '../../src/util/stable-json.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import { addPdfSignaturePlaceholder, signPdfFile } from '../../src/sign/sign-pdf.ts';
import { verifyPdfSignature } from '../../src/sign/verify-pdf-signature.ts';
import { syntheticRun } from './synthetic-run.ts';

const signer = { subject: 'CN=Test', issuer: 'CN=Test', fingerprintSha256: 'ab'.repeat(32), selfSigned: true, source: 'development' } as unknown as SignerDescription;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-streamed-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('oscal/assessment-results.json, streamed', () => {
  it.each([
    ['no findings, no evidence', { findings: 0, evidence: 0 }],
    ['a small run', { findings: 60, controls: 12, evidence: 40 }],
    ['a larger run', { findings: 3000, controls: 30, evidence: 500, accounts: 3 }],
  ])('is byte for byte JSON.stringify(buildOscal(...), null, 2) (%s)', async (_name, opts) => {
    const { results } = syntheticRun(opts);
    const vm = buildViewModel(results, signer);
    const file = join(work, `oscal-${opts.findings}.json`);
    await renderOscal(file, vm, results);
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(buildOscal(vm, results), null, 2)}\n`);
  });
});

describe('evidence folder, written concurrently', () => {
  it('has every record file with its serialized bytes, and the index in id order', async () => {
    const { results, records } = syntheticRun({ findings: 10, evidence: 300, accounts: 3 });
    const dir = join(work, 'evidence');
    await writeSnapshot(dir, [...records].reverse(), results.run.scope, { createdAt: results.run.startedAt });
    const index = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as { records: { id: string; file: string }[] };
    const ids = records.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(index.records.map((r) => r.id)).toEqual(ids);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const entry of index.records) expect(await readFile(join(dir, entry.file), 'utf8')).toBe(serializeRecord(unsealRecord(byId.get(entry.id)!)));
    // Streamed entry by entry, the index has the bytes stableStringify gives the whole.
    expect(await readFile(join(dir, 'snapshot.json'), 'utf8')).toBe(stableStringify(index, 2) + '\n');
  });

  it('writes the index of an empty snapshot as stableStringify does', async () => {
    const dir = join(work, 'empty-evidence');
    await writeSnapshot(dir, [], { accounts: ['111122223333'], regions: ['eu-west-1'] }, { createdAt: '2026-11-20T02:00:00.000Z', description: 'none' });
    const text = await readFile(join(dir, 'snapshot.json'), 'utf8');
    expect(text).toContain('"records": []');
    expect(text).toBe(stableStringify(JSON.parse(text), 2) + '\n');
  });
});

describe('report.pdf signature, signed in place', () => {
  it('covers the whole file, verifies, and changes nothing outside the signature dictionary', async () => {
    const identity = await developmentIdentity(join(work, 'home'), 'Test');
    const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    for (let p = 0; p < 3; p++) doc.addPage().text(`page ${p + 1}`);
    const signingTime = new Date('2026-11-20T03:00:00Z');
    addPdfSignaturePlaceholder(doc, { name: 'Test', reason: 'test', location: 'here', contactInfo: 'none', signingTime });
    doc.end();
    await ended;
    const unsigned = Buffer.concat(chunks);
    const file = join(work, 'signed.pdf');
    await writeFile(file, unsigned);
    await signPdfFile(file, identity, signingTime);
    const signed = await readFile(file);
    const v = await verifyPdfSignature(signed);
    expect(v.problems).toEqual([]);
    expect(v.signerCertificate?.equals(identity.certificateDer)).toBe(true);
    // Same length (the trailing newline goes, as with @signpdf), same bytes before the /ByteRange.
    expect(signed.length).toBe(unsigned.length - 1);
    const at = unsigned.indexOf('/ByteRange');
    expect(signed.subarray(0, at).equals(unsigned.subarray(0, at))).toBe(true);
    signed[Math.floor(at / 2)] ^= 1;
    expect((await verifyPdfSignature(signed)).ok).toBe(false);
  });
});
