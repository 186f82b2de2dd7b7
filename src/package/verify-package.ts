// `proofline verify`: everything an auditor would check, without trusting the tool that wrote the
// package: the manifest's signature, every file's digest, no missing or extra file, the PDF signature
// (in-process, and with poppler's pdfsig when it is installed).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { verifyDetached } from '../sign/detached-cms.ts';
import { certificateDer } from '../sign/signing-identity.ts';
import { verifyPdfSignature } from '../sign/verify-pdf-signature.ts';
import { sha256File } from '../util/sha256.ts';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, manifestSchema, SIGNER_CERTIFICATE_FILE, UNLISTED_FILES, type Manifest } from './manifest.ts';
import { listPackageFiles } from './package-files.ts';

export const REQUIRED_FILES = ['report.pdf', 'control-gaps.xlsx', 'results.json', 'oscal/assessment-results.json', SIGNER_CERTIFICATE_FILE, 'evidence/snapshot.json'];

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
  manifest?: Manifest;
}

export interface VerifyOptions {
  /** Also run poppler's pdfsig when it is on PATH (default true). */
  pdfsig?: boolean;
}

function fingerprint(pem: string): string {
  return createHash('sha256').update(certificateDer(forge.pki.certificateFromPem(pem))).digest('hex');
}

async function runPdfsig(file: string): Promise<VerifyCheck | undefined> {
  try {
    const { stdout } = await promisify(execFile)('pdfsig', [file], { maxBuffer: 1 << 20 });
    const valid = /Signature Validation: Signature is Valid/.test(stdout);
    return { name: 'report.pdf signature (pdfsig)', ok: valid, detail: valid ? undefined : stdout.split('\n').filter((l) => /Validation|Signature/.test(l)).join('; ') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string };
    if (e.code === 'ENOENT') return undefined; // pdfsig not installed: the in-process check stands alone
    return { name: 'report.pdf signature (pdfsig)', ok: false, detail: (e.stdout || e.message).split('\n').slice(0, 4).join('; ') };
  }
}

export async function verifyPackage(dir: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];
  const add = (name: string, ok: boolean, detail?: string) => checks.push({ name, ok, ...(detail ? { detail } : {}) });
  const done = (manifest?: Manifest): VerifyReport => ({ ok: checks.every((c) => c.ok), checks, ...(manifest ? { manifest } : {}) });

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
  let signerPem: string | undefined;
  if (!sig) add(`${MANIFEST_SIGNATURE_FILE}`, false, 'missing');
  else {
    const v = verifyDetached(sig, manifestBytes);
    signerPem = v.certificatePem;
    add(`${MANIFEST_SIGNATURE_FILE} signature over ${MANIFEST_FILE}`, v.ok, v.problems.join('; ') || undefined);
    if (signerPem) {
      const fp = fingerprint(signerPem);
      add('manifest signer is the certificate named in the manifest', fp === manifest.signer.fingerprintSha256, fp === manifest.signer.fingerprintSha256 ? undefined : `signed by ${fp}, manifest names ${manifest.signer.fingerprintSha256}`);
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
    const v = verifyPdfSignature(pdf);
    add('report.pdf embedded signature', v.ok, v.problems.join('; ') || undefined);
    if (v.certificatePem && signerPem) add('report.pdf signed by the manifest signer', fingerprint(v.certificatePem) === fingerprint(signerPem));
    if (opts.pdfsig !== false) {
      const external = await runPdfsig(join(dir, 'report.pdf'));
      if (external) checks.push(external);
    }
  }
  return done(manifest);
}
