// Whether the signer is someone the verifier trusts, not just whether the bytes are intact: the signer's
// certificate is pinned by fingerprint, or pkijs builds and checks a chain from it (with the issuing
// certificates the signature carries) to a CA the verifier supplied, valid at signing time. A CA
// certificate carried inside the package is never an anchor: anyone can mint one with any name.
import * as pkijs from 'pkijs';
import { describeCertificate, parseCertificate, type CertificateDescription } from './x509.ts';

export interface TrustAnchors {
  /** SHA-256 fingerprints (lowercase hex) of certificates the verifier accepts as signers. */
  fingerprints: string[];
  /** Trusted CA certificates (DER), from --ca files and the config's trust list. */
  caCertificates: Buffer[];
}

export interface TrustDecision {
  trusted: boolean;
  /** How: "pinned fingerprint", or the chain up to the anchor; or why not. */
  detail: string;
  /** The validated chain, signer first, when one was built. */
  chain?: CertificateDescription[];
}

export const hasAnchors = (a: TrustAnchors) => a.fingerprints.length > 0 || a.caCertificates.length > 0;

/**
 * `signer` is the certificate that made the signature; `carried` the other certificates in the signature
 * (possible intermediates); `at` the time the signature was made (time-stamp or signing time).
 */
export async function decideTrust(signer: Buffer, carried: Buffer[], anchors: TrustAnchors, at: Date): Promise<TrustDecision> {
  const described = describeCertificate(signer);
  if (anchors.fingerprints.includes(described.fingerprintSha256)) {
    const inValidity = at >= new Date(described.notBefore) && at <= new Date(described.notAfter);
    return inValidity
      ? { trusted: true, detail: `certificate pinned by its SHA-256 fingerprint ${described.fingerprintSha256}` }
      : { trusted: false, detail: `pinned certificate was not valid at signing time ${at.toISOString()} (valid ${described.notBefore} to ${described.notAfter})` };
  }
  if (anchors.caCertificates.length === 0) return { trusted: false, detail: `fingerprint ${described.fingerprintSha256} is not among the ${anchors.fingerprints.length} pinned` };
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors.caCertificates.map((d) => parseCertificate(d)),
    certs: [...carried.filter((c) => !c.equals(signer)).map((d) => parseCertificate(d)), parseCertificate(signer)],
    checkDate: at,
  });
  const result = await engine.verify().catch((err: unknown) => ({ result: false, resultMessage: (err as { resultMessage?: string }).resultMessage ?? String(err), certificatePath: undefined }));
  if (!result.result) return { trusted: false, detail: `no valid chain to a trusted CA at ${at.toISOString()}: ${result.resultMessage}` };
  const chain = (result.certificatePath ?? []).map((c) => describeCertificate(Buffer.from(c.toSchema(true).toBER(false))));
  return { trusted: true, detail: `chain ${chain.map((c) => c.subject).join(' <- ')} ends at a trusted CA`, chain };
}
