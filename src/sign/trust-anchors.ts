// The verifier's trust anchors: --trust fingerprints, --ca files and the config's trust list, merged.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, type InputProblem } from '../util/input-error.ts';
import type { TrustAnchors } from './signer-trust.ts';
import { normalizeFingerprint, pemCertificates } from './x509.ts';

export class TrustAnchorError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'TrustAnchorError';
  }
}

async function caCertificates(file: string): Promise<Buffer[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new TrustAnchorError({ file: file, message: `cannot read the CA certificate (${(err as Error).message})` });
  }
  const text = bytes.toString('latin1');
  const ders = text.includes('-----BEGIN CERTIFICATE-----') ? pemCertificates(text) : [bytes];
  for (const der of ders) {
    try {
      new X509Certificate(der);
    } catch (err) {
      throw new TrustAnchorError({ file: file, message: `not an X.509 certificate in PEM or DER (${(err as Error).message})` });
    }
  }
  if (ders.length === 0) throw new TrustAnchorError({ file: file, message: 'no certificate found' });
  return ders;
}

export async function loadTrustAnchors(fingerprints: readonly string[], caFiles: readonly string[]): Promise<TrustAnchors> {
  const pins = fingerprints.map((f) => {
    const fp = normalizeFingerprint(f);
    if (!fp) throw new TrustAnchorError({ file: `--trust ${f}`, message: 'not a SHA-256 certificate fingerprint (64 hex digits, colons allowed)' });
    return fp;
  });
  return { fingerprints: [...new Set(pins)], caCertificates: (await Promise.all(caFiles.map(caCertificates))).flat() };
}
