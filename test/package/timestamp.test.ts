// RFC 3161 time-stamps from a local TSA made with `openssl ts -reply`: every signature of a package
// (manifest.sig, report.pdf) carries a token over it; verify checks it, says when and by whom, and
// judges the signer's validity at the time-stamp when the TSA is trusted. Third-party tools still accept
// the signatures.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { renderReportsStep } from '../../src/package/render-package.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { writePackage } from '../../src/package/write-package.ts';
import { signDetached, verifyDetached } from '../../src/sign/detached-cms.ts';
import { resolveSigningIdentity } from '../../src/sign/resolve-identity.ts';
import { describeSigner, type SigningIdentity } from '../../src/sign/signing-identity.ts';
import { loadTrustAnchors } from '../../src/sign/trust-anchors.ts';
import { issue, makeCa, startTsa, type KeyPair, type LocalTsa } from '../helpers/openssl-pki.ts';
import { syntheticRun } from './synthetic-run.ts';

let work: string;
let tsaRoot: KeyPair;
let tsa: LocalTsa;
let identity: SigningIdentity;
let pkg: string;
const content = Buffer.from('{"files":[]}\n');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-tsa-'));
  tsaRoot = makeCa(work, 'tsa-root', '/O=Test Time Authority/CN=Test TSA Root');
  const tsaCert = await issue(work, 'tsa', '/O=Test Time Authority/CN=Test TSA', tsaRoot, 'tsa');
  tsa = await startTsa(join(work, 'tsa'), tsaCert, tsaRoot.cert);
  const config = parseConfig({ organization: 'Acme', signing: { timestamp: { url: tsa.url } } }, 'test');
  identity = await resolveSigningIdentity(config, { env: { PROOFLINE_HOME: join(work, 'home') } });
  pkg = await writePackage(join(work, 'out'), syntheticRun({ findings: 8, evidence: 6, accounts: 1 }), [renderReportsStep({ identity }), signPackageStep({ identity })]);
}, 120_000);
afterAll(async () => {
  await tsa?.close();
  await rm(work, { recursive: true, force: true });
});

describe('RFC 3161 time-stamps', () => {
  it('a detached signature carries a token over its signature value, from the configured TSA', async () => {
    const before = tsa.requests();
    const started = Date.now();
    const v = await verifyDetached(await signDetached(content, identity), content);
    expect(tsa.requests()).toBe(before + 1);
    expect(v.ok).toBe(true);
    expect(v.timestamp?.ok).toBe(true);
    expect(Math.abs(Date.parse(v.timestamp!.genTime!) - started)).toBeLessThan(60_000);
  });

  it('verify checks both tokens of a package and, with the TSA anchored, judges validity at its time', async () => {
    const anchors = await loadTrustAnchors([describeSigner(identity).fingerprintSha256], [tsaRoot.cert]);
    const report = await verifyPackage(pkg, { pdfsig: false, anchors });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['manifest.sig RFC 3161 time-stamp', 'report.pdf RFC 3161 time-stamp']));
    expect(report.signer?.timestamp?.authority.subject).toBe('O=Test Time Authority, CN=Test TSA');
    expect(report.signer?.timestamp?.trusted.trusted).toBe(true);
    expect(report.signer?.judgedAt).toBe(report.signer?.timestamp?.genTime);
    expect(report.trust?.trusted).toBe(true);
  });

  it('an unanchored TSA is reported and does not move the time validity is judged at', async () => {
    const report = await verifyPackage(pkg, { pdfsig: false, anchors: await loadTrustAnchors([describeSigner(identity).fingerprintSha256], []) });
    expect(report.signer?.timestamp?.trusted.trusted).toBe(false);
    expect(report.signer?.judgedAt).toBe(report.signer?.signingTime);
  });

  it('a token changed after the fact fails verification', async () => {
    const sig = await readFile(join(pkg, 'manifest.sig'));
    // The token's genTime is a GeneralizedTime (tag 0x18) "YYYYMMDDhhmmssZ": change one of its digits.
    const at = sig.indexOf(Buffer.from(`\x18\x0f${new Date().getUTCFullYear()}`, 'latin1'));
    expect(at).toBeGreaterThan(0);
    sig[at + 5] = sig[at + 5] === 0x30 ? 0x31 : 0x30;
    const v = await verifyDetached(sig, await readFile(join(pkg, 'manifest.json')));
    expect(v.timestamp?.ok).toBe(false);
    expect(v.ok).toBe(false);
  });

  it('pdfsig and openssl cms -verify still accept the time-stamped signatures', async () => {
    const pdfsig = spawnSync('pdfsig', [join(pkg, 'report.pdf')], { encoding: 'utf8' });
    expect(pdfsig.stdout).toContain('Signature Validation: Signature is Valid.');
    await writeFile(join(work, 'signer.pem'), identity.certificatePem);
    const cms = spawnSync('openssl', ['cms', '-verify', '-binary', '-content', join(pkg, 'manifest.json'), '-inform', 'DER', '-in', join(pkg, 'manifest.sig'), '-CAfile', join(work, 'signer.pem'), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    expect(cms.stderr).toContain('Verification successful');
  });

  it('a TSA that cannot be reached stops the signing with its URL named', async () => {
    await expect(signDetached(content, { ...identity, timestampUrl: 'http://127.0.0.1:9/tsa' })).rejects.toThrow(/time-stamping authority http:\/\/127\.0\.0\.1:9\/tsa/);
  });
});
