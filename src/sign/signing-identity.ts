// Who signs a package: a certificate plus a way to sign a SHA-256 digest. The private key may live in
// memory (PKCS#12, PEM, development identity) or stay inside AWS KMS; the signers cannot tell.
import { constants, privateEncrypt, type KeyObject } from 'node:crypto';
import type { DigestSigner } from './external-signer.ts';
import { describeCertificate, pemCertificates } from './x509.ts';

export type IdentitySource = 'pkcs12' | 'pem' | 'kms' | 'development';

export interface SigningIdentity {
  source: IdentitySource;
  /** The signer's certificate, PEM. */
  certificatePem: string;
  /** The signer's certificate, DER. */
  certificateDer: Buffer;
  /** Issuing certificates that travel with the signature (a PKCS#12 bundle's chain), DER. */
  chainDer?: Buffer[];
  /** RSASSA-PKCS1-v1_5 signature over a SHA-256 digest (32 bytes). */
  signDigest: DigestSigner;
  /** RFC 3161 time-stamping authority to countersign every signature (config `signing.timestamp.url`). */
  timestampUrl?: string;
}

export interface SignerDescription {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  source: IdentitySource;
  /** SHA-256 of the certificate's DER bytes: what an auditor compares out of band. */
  fingerprintSha256: string;
  notAfter: string;
}

export function identityCertificate(source: IdentitySource, certificatePem: string): Pick<SigningIdentity, 'source' | 'certificatePem' | 'certificateDer'> {
  const [der] = pemCertificates(certificatePem);
  if (!der) throw new Error('no PEM certificate');
  return { source, certificatePem, certificateDer: der };
}

export function describeSigner(identity: Pick<SigningIdentity, 'certificateDer' | 'source'>): SignerDescription {
  const d = describeCertificate(identity.certificateDer);
  return { subject: d.subject, issuer: d.issuer, selfSigned: d.selfSigned, source: identity.source, fingerprintSha256: d.fingerprintSha256, notAfter: d.notAfter };
}

// DER of DigestInfo { sha256, NULL } without the digest (RFC 8017 9.2 note 1).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** RSASSA-PKCS1-v1_5 over a SHA-256 digest with an in-memory key: PKCS#1 type-1 padding of DigestInfo. */
export function rsaDigestSigner(key: KeyObject): DigestSigner {
  return async (digest) => {
    if (digest.length !== 32) throw new Error('expected a SHA-256 digest');
    return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
  };
}
