// CMS (PKCS#7) SignedData, detached, built and checked with pkijs: used for manifest.sig and inside
// report.pdf. The signature itself comes from the identity (local key or KMS) through an external
// signer engine; with a TSA configured, an RFC 3161 token over the signature is attached.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EXTERNAL_KEY, ExternalSignerEngine, OID, sha256Algorithm } from './external-signer.ts';
import type { SigningIdentity } from './signing-identity.ts';
import { requestTimestamp, timestampAttribute, verifyTimestampToken, type TimestampVerification } from './timestamp.ts';
import { certificateBytes, parseCertificate } from './x509.ts';

export async function signDetached(content: Buffer, identity: SigningIdentity, signingTime = new Date()): Promise<Buffer> {
  return signDetachedDigest(createHash('sha256').update(content).digest(), identity, signingTime);
}

/** The same SignedData from the SHA-256 of the content, so large content (report.pdf) is hashed as a stream. */
export async function signDetachedDigest(contentDigest: Buffer, identity: SigningIdentity, signingTime = new Date()): Promise<Buffer> {
  if (contentDigest.length !== 32) throw new Error('CMS: expected a SHA-256 content digest');
  const cert = parseCertificate(identity.certificateDer);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
        new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
        new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
      ],
    }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: [cert, ...(identity.chainDer ?? []).map((d) => parseCertificate(d))],
    digestAlgorithms: [sha256Algorithm()],
  });
  await signed.sign(EXTERNAL_KEY, 0, 'SHA-256', undefined, new ExternalSignerEngine(identity.signDigest));
  if (identity.timestampUrl) {
    const token = await requestTimestamp(identity.timestampUrl, Buffer.from(signerInfo.signature.valueBlock.valueHexView));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [timestampAttribute(token)] });
  }
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

export interface CmsVerification {
  ok: boolean;
  problems: string[];
  /** The signer's certificate (DER) and every certificate the signature carries. */
  signerCertificate?: Buffer;
  certificates: Buffer[];
  /** The signing-time attribute: what the signer claims. */
  signingTime?: string;
  /** The RFC 3161 token on the signature, when there is one. */
  timestamp?: TimestampVerification;
}

function parse(der: Buffer): pkijs.SignedData {
  // A PDF's /Contents is zero-padded after the DER: parse only the first element.
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType}`);
  return new pkijs.SignedData({ schema: info.content });
}

/** Verifies a detached SignedData over `content`: message digest, then the signature over the signed attributes. */
export async function verifyDetached(der: Buffer, content: Buffer | Buffer[]): Promise<CmsVerification> {
  let signed: pkijs.SignedData;
  try {
    signed = parse(der);
  } catch (err) {
    return { ok: false, problems: [`not a CMS SignedData structure (${(err as Error).message})`], certificates: [] };
  }
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map(certificateBytes);
  if (signed.signerInfos.length !== 1) return { ok: false, problems: [`expected one signer, found ${signed.signerInfos.length}`], certificates };
  const signerInfo = signed.signerInfos[0];
  const problems: string[] = [];
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) problems.push('digest algorithm is not SHA-256');
  if (!signerInfo.signedAttrs) return { ok: false, problems: [...problems, 'no signed attributes'], certificates };
  const data = Buffer.concat(Array.isArray(content) ? content : [content]);
  let signerCertificate: Buffer | undefined;
  try {
    const r = await signed.verify({ signer: 0, data: new Uint8Array(data).buffer, extendedMode: true, checkChain: false });
    if (r.signerCertificate) signerCertificate = certificateBytes(r.signerCertificate);
    if (!r.signatureVerified) problems.push('signature does not verify with the embedded certificate');
  } catch (err) {
    const e = err as pkijs.SignedDataVerifyError;
    if (e.signerCertificate) signerCertificate = certificateBytes(e.signerCertificate);
    if (e.code === 3) problems.push('the signer certificate is not embedded');
    else if (/Message digest/i.test(e.message)) problems.push('content digest does not match the signed message digest (content changed)');
    else problems.push(`signature does not verify (${e.message})`);
  }
  const time = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const tokenAttr = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  const timestamp = tokenAttr ? await verifyTimestampToken(tokenAttr.values[0], Buffer.from(signerInfo.signature.valueBlock.valueHexView)) : undefined;
  if (timestamp && !timestamp.ok) problems.push(...timestamp.problems);
  return {
    ok: problems.length === 0,
    problems,
    ...(signerCertificate ? { signerCertificate } : {}),
    certificates,
    ...(time ? { signingTime: time.toDate().toISOString() } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
}
