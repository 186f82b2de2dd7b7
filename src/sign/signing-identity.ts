// Who signs a package: a certificate plus a way to sign a SHA-256 digest. The private key may live in
// memory (PKCS#12, PEM, development identity) or stay inside AWS KMS; the signers cannot tell.
import { createHash } from 'node:crypto';
import forge from 'node-forge';

export type IdentitySource = 'pkcs12' | 'pem' | 'kms' | 'development';

export interface SigningIdentity {
  source: IdentitySource;
  certificate: forge.pki.Certificate;
  certificatePem: string;
  /** RSASSA-PKCS1-v1_5 signature over a SHA-256 digest (32 bytes). */
  signDigest(digest: Buffer): Promise<Buffer>;
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

function dn(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name}=${a.value as string}`).join(', ');
}

export function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function describeSigner(identity: Pick<SigningIdentity, 'certificate' | 'source'>): SignerDescription {
  const cert = identity.certificate;
  return {
    subject: dn(cert.subject.attributes),
    issuer: dn(cert.issuer.attributes),
    selfSigned: cert.isIssuer(cert),
    source: identity.source,
    fingerprintSha256: createHash('sha256').update(certificateDer(cert)).digest('hex'),
    notAfter: cert.validity.notAfter.toISOString(),
  };
}

/** Signs a digest with an in-memory forge RSA key (PKCS#1 v1.5 with the SHA-256 DigestInfo). */
export function forgeDigestSigner(key: forge.pki.rsa.PrivateKey): (digest: Buffer) => Promise<Buffer> {
  return async (digest) => {
    // forge's encoder only needs the algorithm name and the digest bytes.
    const md = { algorithm: 'sha256', digest: () => forge.util.createBuffer(digest.toString('binary')) } as unknown as forge.md.MessageDigest;
    return Buffer.from(key.sign(md), 'binary');
  };
}
