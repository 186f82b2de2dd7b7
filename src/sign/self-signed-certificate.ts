// A self-signed X.509 certificate (pkijs) whose signature comes from any digest signer (local key or KMS).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EXTERNAL_KEY, ExternalSignerEngine, type DigestSigner } from './external-signer.ts';
import { certificateBytes } from './x509.ts';
import { randomDerInteger } from './random-der-integer.ts';

export interface CertificateSubject {
  commonName: string;
  organization?: string;
}

const OIDS = { commonName: '2.5.4.3', organization: '2.5.4.10', basicConstraints: '2.5.29.19', keyUsage: '2.5.29.15', extKeyUsage: '2.5.29.37', subjectKeyId: '2.5.29.14', emailProtection: '1.3.6.1.5.5.7.3.4', codeSigning: '1.3.6.1.5.5.7.3.3' };

/** One attribute per RDN (pkijs's builder would put them all in one multi-valued RDN). */
function name(subject: CertificateSubject): pkijs.RelativeDistinguishedNames {
  const attrs: [string, string][] = [[OIDS.commonName, subject.commonName], ...(subject.organization ? [[OIDS.organization, subject.organization] as [string, string]] : [])];
  const sequence = new asn1js.Sequence({ value: attrs.map(([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/** Returns the certificate's DER. `spki` is the public key as DER SubjectPublicKeyInfo. */
export async function selfSignedCertificate(spki: Buffer, subject: CertificateSubject, signDigest: DigestSigner, now = new Date(), years = 5): Promise<Buffer> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  // 126 random bits, minimal and positive as DER wants (random-der-integer.ts).
  cert.serialNumber = new asn1js.Integer({ valueHex: randomDerInteger(16) });
  cert.subject = name(subject);
  cert.issuer = name(subject);
  cert.notBefore.value = new Date(now.getTime() - 60_000);
  cert.notAfter.value = new Date(now.getTime() + years * 365 * 24 * 3600_000);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spki));
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 }); // digitalSignature, nonRepudiation
  const keyId = await globalThis.crypto.subtle.digest('SHA-1', new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
  cert.extensions = [
    new pkijs.Extension({ extnID: OIDS.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: OIDS.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({ extnID: OIDS.extKeyUsage, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OIDS.emailProtection, OIDS.codeSigning] }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: OIDS.subjectKeyId, extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false) }),
  ];
  await cert.sign(EXTERNAL_KEY, 'SHA-256', new ExternalSignerEngine(signDigest));
  return certificateBytes(cert);
}
