// Who signed: integrity alone is not trust. A package signed by a key from a self-made CA that calls
// itself "DigiCert Global Root G2", over forged evidence, verifies byte for byte but must never read
// as trusted: not without an anchor, not against the genuine root of that name, not because the package
// carries its own root. Pinning by fingerprint and chains to a given CA are the two ways to trust.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliNodeArgs, ROOT } from '../helpers/cli-command.ts';
import { renderReportsStep } from '../../src/package/render-package.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { writePackage } from '../../src/package/write-package.ts';
import { verifyDetached } from '../../src/sign/detached-cms.ts';
import { pemIdentity } from '../../src/sign/local-identity.ts';
import { decideTrust } from '../../src/sign/signer-trust.ts';
import { loadTrustAnchors } from '../../src/sign/trust-anchors.ts';
import { pemCertificates } from '../../src/sign/x509.ts';
import { fingerprintOf, issue, makeCa, type KeyPair } from '../helpers/openssl-pki.ts';
import { syntheticRun } from './synthetic-run.ts';

const DIGICERT = '/C=US/O=DigiCert Inc/OU=www.digicert.com/CN=DigiCert Global Root G2';
const SIGNER = '/O=Acme Health AI/CN=Acme compliance signer';

let work: string;
let genuineRoot: KeyPair;
let forgedRoot: KeyPair;
let forgedSigner: KeyPair;
let forgedPkg: string;
let genuinePkg: string;

async function signedPackage(name: string, signer: KeyPair, root: KeyPair): Promise<string> {
  // The signer ships its root in the bundle, as an attacker would: the package then carries it.
  const bundle = join(work, `${name}-bundle.pem`);
  await writeFile(bundle, (await readFile(signer.cert, 'utf8')) + (await readFile(root.cert, 'utf8')));
  const identity = await pemIdentity(signer.key, bundle);
  // "Forged evidence": a run that no collector produced.
  const ctx = syntheticRun({ findings: 12, evidence: 10, accounts: 1 });
  return writePackage(join(work, name), ctx, [renderReportsStep({ identity }), signPackageStep({ identity })], { zip: true });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-trust-'));
  genuineRoot = makeCa(work, 'genuine-root', DIGICERT);
  forgedRoot = makeCa(work, 'forged-root', DIGICERT);
  forgedSigner = await issue(work, 'forged-signer', SIGNER, forgedRoot);
  const genuineSigner = await issue(work, 'genuine-signer', SIGNER, genuineRoot);
  [forgedPkg, genuinePkg] = await Promise.all([signedPackage('forged', forgedSigner, forgedRoot), signedPackage('genuine', genuineSigner, genuineRoot)]);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const der = async (pem: string) => pemCertificates(await readFile(pem, 'utf8'))[0];

describe('signer trust', () => {
  it('the forged package is intact, names its signer and issuer, and carries the forged root', async () => {
    const report = await verifyPackage(forgedPkg, { pdfsig: false });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.trust).toBeUndefined();
    expect(report.signer?.subject).toBe('O=Acme Health AI, CN=Acme compliance signer');
    expect(report.signer?.issuer).toContain('CN=DigiCert Global Root G2');
    expect(report.signer?.fingerprintSha256).toBe(fingerprintOf(forgedSigner.cert));
    const v = await verifyDetached(await readFile(join(forgedPkg, 'manifest.sig')), await readFile(join(forgedPkg, 'manifest.json')));
    expect(v.certificates.some((c) => c.equals(pemCertificates(readFileSync(forgedRoot.cert, 'utf8'))[0]))).toBe(true);
  });

  it('is not trusted against the genuine root of the same name, although it carries a root of that name', async () => {
    const anchors = await loadTrustAnchors([], [genuineRoot.cert]);
    const report = await verifyPackage(forgedPkg, { pdfsig: false, anchors });
    expect(report.ok).toBe(true);
    expect(report.trust?.trusted).toBe(false);
    expect(report.trust?.detail).toMatch(/no valid chain to a trusted CA/);
  });

  it('a signer issued by the given CA is trusted, with its chain', async () => {
    const report = await verifyPackage(genuinePkg, { pdfsig: false, anchors: await loadTrustAnchors([], [genuineRoot.cert]) });
    expect(report.trust?.trusted).toBe(true);
    expect(report.trust?.chain?.map((c) => c.subject)).toEqual(['O=Acme Health AI, CN=Acme compliance signer', 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2']);
  });

  it('pinning: the signer fingerprint trusts it, any other fingerprint does not', async () => {
    const pinned = await verifyPackage(forgedPkg, { pdfsig: false, anchors: await loadTrustAnchors([fingerprintOf(forgedSigner.cert).replace(/(..)/g, '$1:').slice(0, -1).toUpperCase()], []) });
    expect(pinned.trust).toMatchObject({ trusted: true });
    const other = await verifyPackage(forgedPkg, { pdfsig: false, anchors: await loadTrustAnchors([fingerprintOf(genuineRoot.cert)], []) });
    expect(other.trust?.trusted).toBe(false);
  });

  it('validity is judged at signing time: before the certificate was valid, the chain is refused', async () => {
    const signer = await der(join(work, 'genuine-signer.pem'));
    const root = await der(genuineRoot.cert);
    expect((await decideTrust(signer, [], { fingerprints: [], caCertificates: [root] }, new Date())).trusted).toBe(true);
    const before = await decideTrust(signer, [], { fingerprints: [], caCertificates: [root] }, new Date('2001-01-01T00:00:00Z'));
    expect(before.trusted).toBe(false);
  });

  it('refuses a --trust that is not a fingerprint and a --ca that is not a certificate, naming them', async () => {
    await expect(loadTrustAnchors(['abc'], [])).rejects.toThrow(/--trust abc: not a SHA-256/);
    await expect(loadTrustAnchors([], [join(forgedPkg, 'results.json')])).rejects.toThrow(/results\.json: not an X\.509 certificate/);
  });
});

describe('proofline verify (CLI): signer trust, the zip', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [...cliNodeArgs(), 'verify', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('without an anchor: integrity verified, signer NOT verified, exit 1; --allow-untrusted exits 0', () => {
    const r = cli('--no-pdfsig', forgedPkg);
    expect(r.stdout).toContain('integrity verified; signer NOT verified');
    expect(r.stdout).toMatch(/issuer:\s+C=US, O=DigiCert Inc, OU=www\.digicert\.com, CN=DigiCert Global Root G2/);
    expect(r.stdout).toMatch(/SHA-256:\s+[0-9a-f]{64}/);
    expect(r.stdout).toMatch(/valid:\s+\d{4}-.* to \d{4}-/);
    expect(r.status).toBe(1);
    const allowed = cli('--no-pdfsig', '--allow-untrusted', forgedPkg);
    expect(allowed.stdout).toContain('signer NOT verified');
    expect(allowed.status).toBe(0);
  });

  it('--ca with the genuine root: the forged package FAILs signer trust even with --allow-untrusted', () => {
    const r = cli('--no-pdfsig', '--allow-untrusted', '--ca', genuineRoot.cert, forgedPkg);
    expect(r.stdout).toMatch(/FAIL\s+signer trust: no valid chain/);
    expect(r.status).toBe(1);
  });

  it('--ca: the genuine package is verified (integrity and signer), from the folder and from the .zip; pdfsig\'s unknown issuer is a note', () => {
    const outputs = [genuinePkg, `${genuinePkg}.zip`].map((target) => {
      const r = cli('--ca', genuineRoot.cert, target);
      expect(r.stdout).toContain('verified (integrity and signer)');
      expect(r.status).toBe(0);
      return r.stdout;
    });
    expect(outputs[0]).toMatch(/note\s+pdfsig's certificate check: Certificate issuer (is unknown|isn't Trusted)/);
  });

  it('a changed file inside the zip fails like a changed folder', async () => {
    const zip = join(work, 'tampered.zip');
    await copyFile(`${genuinePkg}.zip`, zip);
    const bytes = await readFile(zip);
    // yazl stores small files compressed; flipping a byte in the middle corrupts some entry.
    bytes[Math.floor(bytes.length / 3)] ^= 0xff;
    await writeFile(zip, bytes);
    const r = cli('--no-pdfsig', '--ca', genuineRoot.cert, zip);
    expect(r.status).not.toBe(0);
  });
});
