// The auditor's own tools, not ours: poppler's pdfsig on report.pdf and `openssl cms -verify` on
// manifest.sig. poppler-utils and openssl must be installed (CI installs them).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePackage, type BuiltPackage } from './package-fixture.ts';

let pkg: BuiltPackage;
beforeAll(async () => {
  pkg = await samplePackage();
});
afterAll(() => pkg?.cleanup());

/** Runs a tool; stdout and stderr together (openssl reports success on stderr). */
function run(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${cmd} is not installed (apt-get install -y ${cmd === 'openssl' ? 'openssl' : 'poppler-utils'})`);
  return { status: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

describe('third-party verification of the sample package', () => {
  it('pdfsig reports the PDF signature valid and covering the whole document', () => {
    const { out } = run('pdfsig', [join(pkg.dir, 'report.pdf')]);
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('adbe.pkcs7.detached');
    expect(out).toContain('SHA-256');
  });

  it('openssl cms -verify accepts manifest.sig over manifest.json', () => {
    const { status, out } = run('openssl', ['cms', '-verify', '-binary', '-content', join(pkg.dir, 'manifest.json'), '-inform', 'DER', '-in', join(pkg.dir, 'manifest.sig'), '-CAfile', join(pkg.dir, 'signer-certificate.pem'), '-purpose', 'any', '-out', '/dev/null']);
    expect(out).toContain('Verification successful');
    expect(status).toBe(0);
  });

  it('openssl cms -verify rejects a manifest.json changed after signing', async () => {
    const { copyPackage } = await import('./package-fixture.ts');
    const { appendFile } = await import('node:fs/promises');
    const dir = await copyPackage(pkg, 'openssl-tamper');
    await appendFile(join(dir, 'manifest.json'), ' ');
    const { status } = run('openssl', ['cms', '-verify', '-binary', '-content', join(dir, 'manifest.json'), '-inform', 'DER', '-in', join(dir, 'manifest.sig'), '-CAfile', join(dir, 'signer-certificate.pem'), '-purpose', 'any', '-out', '/dev/null']);
    expect(status).not.toBe(0);
  });

  it('the report renders: pdftotext finds the cover, contents and page X of Y', () => {
    const { out } = run('pdftotext', ['-layout', join(pkg.dir, 'report.pdf'), '-']);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [join(pkg.dir, 'report.pdf')]).out)?.[1]);
    expect(pages).toBeGreaterThan(5);
    expect(out).toContain('PROOFLINE EVIDENCE REPORT');
    expect(out).toContain('Contents');
    expect(out).toContain(`Page 2 of ${pages}`);
    expect(out).toContain(`Page ${pages} of ${pages}`);
    expect(out).toContain('SELF-SIGNED');
    expect(out).toContain('Appendix: evidence files');
  });
});
