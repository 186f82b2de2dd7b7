// X.509 certificates as the signer, verify and the trust check see them: pkijs objects for CMS and chain
// building, Node's X509Certificate for names, validity and fingerprints.
import { createHash, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text (a bundle may hold several), as DER. */
export function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(PEM_BLOCK)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

export function derToPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

export function parseCertificate(der: Buffer | ArrayBuffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der instanceof ArrayBuffer ? der : new Uint8Array(der));
}

export function certificateBytes(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema(true).toBER(false));
}

export function fingerprintSha256(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

export interface CertificateDescription {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the certificate's DER bytes, lowercase hex: what an auditor compares out of band. */
  fingerprintSha256: string;
  /** Issued by itself and its signature verifies with its own key. */
  selfSigned: boolean;
}

const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');

export function describeCertificate(der: Buffer): CertificateDescription {
  const x = new X509Certificate(der);
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    fingerprintSha256: fingerprintSha256(der),
    // Not checkIssued: OpenSSL's issuer check also wants keyCertSign, which a leaf that signs itself lacks.
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey),
  };
}

/** A fingerprint as people write it (colons, spaces, upper case, "sha256:" prefix) in the form we compare. */
export function normalizeFingerprint(text: string): string | undefined {
  const hex = text.trim().replace(/^sha-?256[:=]/i, '').replace(/[:\s]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}
