import { spawnSync } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { describeSigner } from '../../src/sign/signing-identity.ts';
import { cliNodeArgs, ROOT } from '../helpers/cli-command.ts';
import { copyPackage, samplePackage, type BuiltPackage } from './package-fixture.ts';

let pkg: BuiltPackage;
beforeAll(async () => {
  pkg = await samplePackage();
});
afterAll(() => pkg?.cleanup());

async function flipOneByte(file: string, at: 'middle' | 'end' = 'middle'): Promise<void> {
  const bytes = await readFile(file);
  const i = at === 'end' ? bytes.length - 2 : Math.floor(bytes.length / 2);
  bytes[i] ^= 0x01;
  await writeFile(file, bytes);
}

function failed(report: Awaited<ReturnType<typeof verifyPackage>>): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail ?? ''}`);
}

describe('proofline verify on the sample package', () => {
  it('accepts the package as written', async () => {
    const report = await verifyPackage(pkg.dir);
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifest?.files.map((f) => f.path)).toEqual(expect.arrayContaining(['report.pdf', 'control-gaps.xlsx', 'results.json', 'oscal/assessment-results.json', 'evidence/snapshot.json', 'signer-certificate.pem']));
    expect(report.manifest?.previousManifestSha256).toBeNull();
  });

  it.each(['report.pdf', 'control-gaps.xlsx', 'results.json', 'oscal/assessment-results.json', 'signer-certificate.pem', 'evidence/snapshot.json', 'manifest.json', 'manifest.sig'])('fails when one byte of %s changes', async (file) => {
    const dir = await copyPackage(pkg, `byte-${file.replace(/\W/g, '_')}`);
    await flipOneByte(join(dir, file));
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(report.ok).toBe(false);
  });

  it('fails when one byte of an evidence record changes, naming the file', async () => {
    const dir = await copyPackage(pkg, 'byte-evidence');
    const record = (await verifyPackage(pkg.dir, { pdfsig: false })).manifest!.files.find((f) => f.path.startsWith('evidence/records/'))!.path;
    await flipOneByte(join(dir, record));
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(report.ok).toBe(false);
    expect(failed(report).join('\n')).toContain(record);
  });

  it('fails when a byte is appended to the signed PDF (signature no longer covers the file)', async () => {
    const dir = await copyPackage(pkg, 'pdf-append');
    await appendFile(join(dir, 'report.pdf'), '\n');
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(failed(report).some((f) => f.startsWith('report.pdf embedded signature'))).toBe(true);
  });

  it('fails when a file is deleted', async () => {
    const dir = await copyPackage(pkg, 'deleted');
    await rm(join(dir, 'control-gaps.xlsx'));
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(report.ok).toBe(false);
    expect(failed(report).join('\n')).toMatch(/control-gaps\.xlsx: missing/);
  });

  it('fails when a file is added', async () => {
    const dir = await copyPackage(pkg, 'added');
    await writeFile(join(dir, 'evidence', 'extra.json'), '{}\n');
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(report.ok).toBe(false);
    expect(failed(report).join('\n')).toMatch(/evidence\/extra\.json: extra file/);
  });

  it('fails when the manifest is re-signed by someone else', async () => {
    const dir = await copyPackage(pkg, 'resigned');
    const other = await copyPackage(pkg, 'other-sig-source');
    // Same manifest, signature replaced by garbage of the same length: the CMS no longer verifies.
    const sig = await readFile(join(other, 'manifest.sig'));
    sig.fill(0x30, sig.length - 64);
    await writeFile(join(dir, 'manifest.sig'), sig);
    const report = await verifyPackage(dir, { pdfsig: false });
    expect(report.ok).toBe(false);
  });

  it('writes a zip of the same files next to the folder', async () => {
    const zip = await readFile(pkg.zip);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    // End of central directory record: total number of entries at offset 10.
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const entries = zip.readUInt16LE(eocd + 10);
    const manifest = (await verifyPackage(pkg.dir, { pdfsig: false })).manifest!;
    expect(entries).toBe(manifest.files.length + 2); // + manifest.json and manifest.sig
    expect(zip.includes(Buffer.from(`${basename(pkg.dir)}/manifest.sig`))).toBe(true);
  });
});

describe('proofline verify (CLI)', () => {
  const cli = (dir: string, ...flags: string[]) => spawnSync(process.execPath, [...cliNodeArgs(), 'verify', '--no-pdfsig', ...flags, dir], { cwd: ROOT, encoding: 'utf8' });

  it('exits 0 and says verified for an intact package whose signer is pinned', () => {
    const r = cli(pkg.dir, '--trust', describeSigner(pkg.identity).fingerprintSha256);
    expect(r.stdout).toContain('verified (integrity and signer)');
    expect(r.stdout).toMatch(/signer\s+subject:\s+CN=Proofline development signer/);
    expect(r.status).toBe(0);
  });

  it('prints what failed and exits non-zero for a changed package', async () => {
    const dir = await copyPackage(pkg, 'cli-tamper');
    await writeFile(join(dir, 'results.json'), '{}\n');
    const r = cli(dir);
    expect(r.stdout).toMatch(/FAIL\s+file results\.json: SHA-256 is/);
    expect(r.stdout).toContain('verification FAILED');
    expect(r.status).toBe(1);
  });
});
