// A self-signed X.509 certificate whose signature comes from any digest signer (local key or KMS).
import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface CertificateSubject {
  commonName: string;
  organization?: string;
}

export async function selfSignedCertificate(publicKey: forge.pki.PublicKey, subject: CertificateSubject, signDigest: (d: Buffer) => Promise<Buffer>, now = new Date(), years = 5): Promise<forge.pki.Certificate> {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive serial: clear the top bit.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + years * 365 * 24 * 3600_000);
  const attrs = [{ name: 'commonName', value: subject.commonName }, ...(subject.organization ? [{ name: 'organizationName', value: subject.organization }] : [])];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true, codeSigning: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  // forge signs synchronously; capture the TBS digest, sign it (possibly remotely), then set the signature.
  let digest: Buffer | undefined;
  const capture = { sign: (md: forge.md.MessageDigest) => ((digest = Buffer.from(md.digest().getBytes(), 'binary')), '') } as unknown as forge.pki.rsa.PrivateKey;
  cert.sign(capture, forge.md.sha256.create());
  if (!digest) throw new Error('certificate digest was not computed');
  // Cross-check: the captured digest is SHA-256 over the TBS certificate.
  const tbs = Buffer.from(forge.asn1.toDer((forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert)).getBytes(), 'binary');
  if (!createHash('sha256').update(tbs).digest().equals(digest)) throw new Error('certificate digest mismatch');
  cert.signature = (await signDigest(digest)).toString('binary');
  return cert;
}
