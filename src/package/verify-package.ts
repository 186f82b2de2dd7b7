// `proofline verify`: everything an auditor would check, without trusting the tool that wrote the
// package: the manifest's signature, every file's digest, no missing or extra file, the PDF signature
// (in-process, and with poppler's pdfsig when it is installed), and who the signer is: integrity alone
// proves only that whoever holds the key signed these bytes; trust needs an anchor the verifier brings.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyDetached, type CmsVerification } from '../sign/detached-cms.ts';
import { decideTrust, hasAnchors, type TrustAnchors, type TrustDecision } from '../sign/signer-trust.ts';
import { verifyPdfSignature } from '../sign/verify-pdf-signature.ts';
import { describeCertificate, fingerprintSha256, type CertificateDescription } from '../sign/x509.ts';
import { sha256File } from '../util/sha256.ts';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, manifestSchema, SIGNER_CERTIFICATE_FILE, UNLISTED_FILES, type Manifest } from './manifest.ts';
import { withPackageFolder } from './open-package-zip.ts';
import { listPackageFiles } from './package-files.ts';

export const REQUIRED_FILES = ['report.pdf', 'control-gaps.xlsx', 'results.json', 'oscal/assessment-results.json', SIGNER_CERTIFICATE_FILE, 'evidence/snapshot.json'];

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface SignerReport extends CertificateDescription {
  /** What the signer claims (CMS signing-time). */
  signingTime?: string;
  /** RFC 3161 time-stamp on manifest.sig: when, by whom, and whether that authority is trusted. */
  timestamp?: { genTime: string; authority: CertificateDescription; trusted: TrustDecision };
  /** The time validity was judged at: a trusted time-stamp's, else the claimed signing time. */
  judgedAt: string;
}

export interface VerifyReport {
  /** Integrity: signatures, digests, files. Says nothing about who signed. */
  ok: boolean;
  checks: VerifyCheck[];
  manifest?: Manifest;
  signer?: SignerReport;
  /** Undefined when the verifier gave no trust anchor. */
  trust?: TrustDecision;
  /** Notes that are not failures (pdfsig's view of the certificate). */
  notes: string[];
}

export interface VerifyOptions {
  /** Also run poppler's pdfsig when it is on PATH (default true). */
  pdfsig?: boolean;
  /** Pinned fingerprints and trusted CAs (--trust, --ca, the config's trust list). */
  anchors?: TrustAnchors;
}

interface PdfsigResult {
  check: VerifyCheck;
  certificate?: string;
}

async function runPdfsig(file: string): Promise<PdfsigResult | undefined> {
  const name = 'report.pdf signature (pdfsig)';
  try {
    const { stdout } = await promisify(execFile)('pdfsig', [file], { maxBuffer: 1 << 20 });
    const valid = /Signature Validation: Signature is Valid/.test(stdout);
    const certificate = /Certificate Validation: (.+)/.exec(stdout)?.[1]?.trim();
    return { check: { name, ok: valid, ...(valid ? {} : { detail: stdout.split('\n').filter((l) => /Validation|Signature/.test(l)).join('; ') }) }, ...(certificate ? { certificate } : {}) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string };
    if (e.code === 'ENOENT') return undefined; // pdfsig not installed: the in-process check stands alone
    return { check: { name, ok: false, detail: (e.stdout || e.message).split('\n').slice(0, 4).join('; ') } };
  }
}

/** A package folder, or its .zip (extracted to a temporary folder that is removed afterwards). */
export async function verifyPackage(path: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  return withPackageFolder(path, (dir) => verifyPackageFolder(dir, opts));
}

async function signerReport(v: CmsVerification, anchors: TrustAnchors | undefined): Promise<SignerReport | undefined> {
  if (!v.signerCertificate) return undefined;
  const claimed = v.signingTime;
  let judgedAt = claimed ?? new Date().toISOString();
  let timestamp: SignerReport['timestamp'];
  if (v.timestamp?.ok && v.timestamp.tsaCertificate && v.timestamp.genTime) {
    const trusted = anchors && hasAnchors(anchors) ? await decideTrust(v.timestamp.tsaCertificate, v.timestamp.certificates, anchors, new Date(v.timestamp.genTime)) : { trusted: false, detail: 'no trust anchor given' };
    timestamp = { genTime: v.timestamp.genTime, authority: describeCertificate(v.timestamp.tsaCertificate), trusted };
    // Only a time-stamp from a trusted authority moves the time validity is judged at.
    if (trusted.trusted) judgedAt = v.timestamp.genTime;
  }
  return { ...describeCertificate(v.signerCertificate), ...(claimed ? { signingTime: claimed } : {}), ...(timestamp ? { timestamp } : {}), judgedAt };
}

async function verifyPackageFolder(dir: string, opts: VerifyOptions): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];
  const notes: string[] = [];
  let signer: SignerReport | undefined;
  let trust: TrustDecision | undefined;
  const add = (name: string, ok: boolean, detail?: string) => checks.push({ name, ok, ...(detail ? { detail } : {}) });
  const done = (manifest?: Manifest): VerifyReport => ({ ok: checks.every((c) => c.ok), checks, notes, ...(manifest ? { manifest } : {}), ...(signer ? { signer } : {}), ...(trust ? { trust } : {}) });

  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
    add('package folder', false, `${dir}: not a folder`);
    return done();
  }
  let manifestBytes: Buffer;
  let manifest: Manifest;
  try {
    manifestBytes = await readFile(join(dir, MANIFEST_FILE));
    const parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`).join('; '));
    manifest = parsed.data;
  } catch (err) {
    add(MANIFEST_FILE, false, `cannot read: ${(err as Error).message}`);
    return done();
  }

  // 1. The manifest's signature, and that it was made by the certificate the package names.
  const sig = await readFile(join(dir, MANIFEST_SIGNATURE_FILE)).catch(() => undefined);
  let signerDer: Buffer | undefined;
  if (!sig) add(`${MANIFEST_SIGNATURE_FILE}`, false, 'missing');
  else {
    const v = await verifyDetached(sig, manifestBytes);
    signerDer = v.signerCertificate;
    add(`${MANIFEST_SIGNATURE_FILE} signature over ${MANIFEST_FILE}`, v.ok, v.problems.join('; ') || undefined);
    if (v.timestamp) add(`${MANIFEST_SIGNATURE_FILE} RFC 3161 time-stamp`, v.timestamp.ok, v.timestamp.ok ? `${v.timestamp.genTime}` : v.timestamp.problems.join('; '));
    if (signerDer) {
      const fp = fingerprintSha256(signerDer);
      add('manifest signer is the certificate named in the manifest', fp === manifest.signer.fingerprintSha256, fp === manifest.signer.fingerprintSha256 ? undefined : `signed by ${fp}, manifest names ${manifest.signer.fingerprintSha256}`);
      if (v.ok) {
        signer = await signerReport(v, opts.anchors);
        if (signer && opts.anchors && hasAnchors(opts.anchors)) trust = await decideTrust(signerDer, v.certificates, opts.anchors, new Date(signer.judgedAt));
      }
    }
  }
  // 2. Every listed file, byte for byte; nothing missing, nothing extra.
  const onDisk = new Set((await listPackageFiles(dir)).filter((f) => !UNLISTED_FILES.has(f)));
  const listed = new Set<string>();
  let changed = 0;
  for (const f of manifest.files) {
    listed.add(f.path);
    if (!onDisk.has(f.path)) {
      add(`file ${f.path}`, false, 'missing (listed in the manifest)');
      changed++;
      continue;
    }
    const digest = await sha256File(join(dir, f.path));
    if (digest !== f.sha256) {
      add(`file ${f.path}`, false, `SHA-256 is ${digest}, manifest says ${f.sha256}`);
      changed++;
    }
  }
  for (const f of onDisk) {
    if (!listed.has(f)) {
      add(`file ${f}`, false, 'extra file, not listed in the manifest');
      changed++;
    }
  }
  for (const f of REQUIRED_FILES) if (!listed.has(f)) add(`file ${f}`, false, 'required file is not in the manifest');
  if (changed === 0) add(`all ${manifest.files.length} files match their SHA-256 digests; no missing or extra files`, true);

  // 3. The PDF's embedded signature, by the same signer.
  const pdf = await readFile(join(dir, 'report.pdf')).catch(() => undefined);
  if (pdf) {
    const v = await verifyPdfSignature(pdf);
    add('report.pdf embedded signature', v.ok, v.problems.join('; ') || undefined);
    if (v.timestamp) add('report.pdf RFC 3161 time-stamp', v.timestamp.ok, v.timestamp.ok ? `${v.timestamp.genTime}` : v.timestamp.problems.join('; '));
    if (signerDer) add('report.pdf signed by the manifest signer', !!v.signerCertificate?.equals(signerDer));
    if (opts.pdfsig !== false) {
      const external = await runPdfsig(join(dir, 'report.pdf'));
      if (external) checks.push(external.check);
      // pdfsig judges the certificate against its own (NSS) store, which knows no organization's CA:
      // "issuer is unknown" is expected there; who signed is decided by the anchors given to verify.
      if (external?.certificate) notes.push(`pdfsig's certificate check: ${external.certificate}${/Trusted/.test(external.certificate) ? '' : " (pdfsig's own trust store; signer trust is decided by --trust/--ca)"}`);
    }
  }
  return done(manifest);
}
