// CMS (PKCS#7) SignedData, detached: used for manifest.sig and inside report.pdf. Built with node-forge;
// the signature itself comes from the identity (local key or KMS), so forge never sees a private key.
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { SigningIdentity } from './signing-identity.ts';

const { asn1, pki } = forge;

export async function signDetached(content: Buffer, identity: SigningIdentity, signingTime = new Date()): Promise<Buffer> {
  return signDetachedDigest(createHash('sha256').update(content).digest(), identity, signingTime);
}

/**
 * The same SignedData from the SHA-256 of the content, so large content (report.pdf) can be hashed as a
 * stream and never held in memory. forge builds the structure over empty content; the messageDigest
 * attribute is then set to the real digest and the signed attributes are digested again (RFC 5652 5.4).
 */
export async function signDetachedDigest(contentDigest: Buffer, identity: SigningIdentity, signingTime = new Date()): Promise<Buffer> {
  if (contentDigest.length !== 32) throw new Error('CMS: expected a SHA-256 content digest');
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer('');
  p7.addCertificate(identity.certificate);
  // forge signs synchronously: let it build the signed attributes (its signature is discarded)...
  const capture = { sign: () => '' };
  p7.addSigner({
    key: capture as unknown as forge.pki.rsa.PrivateKey,
    certificate: identity.certificate,
    digestAlgorithm: pki.oids.sha256,
    authenticatedAttributes: [
      { type: pki.oids.contentType, value: pki.oids.data },
      { type: pki.oids.messageDigest },
      { type: pki.oids.signingTime, value: signingTime as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  const signerInfo = (p7 as unknown as { signerInfos: forge.asn1.Asn1[] }).signerInfos[0];
  const fields = signerInfo.value as forge.asn1.Asn1[];
  const signedAttrs = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
  const messageDigest = signedAttrs && (signedAttrs.value as forge.asn1.Asn1[]).find((attr) => asn1.derToOid((attr.value as forge.asn1.Asn1[])[0].value as string) === pki.oids.messageDigest);
  const digestValue = messageDigest && (((messageDigest.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1 | undefined);
  if (!digestValue || digestValue.type !== asn1.Type.OCTETSTRING) throw new Error('CMS: unexpected signed attributes layout');
  // ...put the content's digest in, digest the attributes as a SET, and sign that (possibly in KMS).
  digestValue.value = contentDigest.toString('binary');
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttrs!.value as forge.asn1.Asn1[]);
  const attrsDigest = createHash('sha256').update(Buffer.from(asn1.toDer(set).getBytes(), 'binary')).digest();
  const signature = await identity.signDigest(attrsDigest);
  const sigField = fields.at(-1)!;
  if (sigField.type !== asn1.Type.OCTETSTRING) throw new Error('CMS: unexpected SignerInfo layout');
  sigField.value = signature.toString('binary');
  return Buffer.from(asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

export interface CmsVerification {
  ok: boolean;
  problems: string[];
  certificatePem?: string;
  signingTime?: string;
}

function findAttribute(attrs: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const attr of attrs) {
    const [type, values] = attr.value as forge.asn1.Asn1[];
    if (asn1.derToOid(type.value as string) === oid) return (values.value as forge.asn1.Asn1[])[0];
  }
  return undefined;
}

/** Verifies a detached SignedData over `content`: message digest, then the signature over the signed attributes. */
export function verifyDetached(der: Buffer, content: Buffer | Buffer[]): CmsVerification {
  const problems: string[] = [];
  let p7: forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
  try {
    p7 = forge.pkcs7.messageFromAsn1(asn1.fromDer(der.toString('binary'), { parseAllBytes: false } as never)) as never;
  } catch (err) {
    return { ok: false, problems: [`not a CMS SignedData structure (${(err as Error).message})`] };
  }
  const signerInfos = p7.rawCapture.signerInfos ?? [];
  if (signerInfos.length !== 1) return { ok: false, problems: [`expected one signer, found ${signerInfos.length}`] };
  const fields = signerInfos[0].value as forge.asn1.Asn1[];
  const [, issuerAndSerial, digestAlg] = fields;
  const signedAttrs = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
  const signature = Buffer.from(fields.at(-1)!.value as string, 'binary');
  if (asn1.derToOid((digestAlg.value as forge.asn1.Asn1[])[0].value as string) !== pki.oids.sha256) problems.push('digest algorithm is not SHA-256');
  const serial = forge.util.bytesToHex((issuerAndSerial.value as forge.asn1.Asn1[])[1].value as string).replace(/^0+/, '');
  const cert = p7.certificates.find((c) => c.serialNumber.replace(/^0+/, '') === serial);
  if (!cert) return { ok: false, problems: [...problems, 'the signer certificate is not embedded'] };
  if (!signedAttrs) return { ok: false, problems: [...problems, 'no signed attributes'] };

  const hash = createHash('sha256');
  for (const part of Array.isArray(content) ? content : [content]) hash.update(part);
  const messageDigest = findAttribute(signedAttrs.value as forge.asn1.Asn1[], pki.oids.messageDigest);
  if (!messageDigest || !Buffer.from(messageDigest.value as string, 'binary').equals(hash.digest())) problems.push('content digest does not match the signed message digest (content changed)');

  // The signature covers the signed attributes re-encoded as a SET (RFC 5652 5.4).
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttrs.value as forge.asn1.Asn1[]);
  const attrsDigest = forge.md.sha256.create().update(asn1.toDer(set).getBytes());
  let sigOk = false;
  try {
    sigOk = (cert.publicKey as forge.pki.rsa.PublicKey).verify(attrsDigest.digest().getBytes(), signature.toString('binary'));
  } catch {
    sigOk = false;
  }
  if (!sigOk) problems.push('signature does not verify with the embedded certificate');
  const time = findAttribute(signedAttrs.value as forge.asn1.Asn1[], pki.oids.signingTime);
  const signingTime = time ? asn1.utcTimeToDate(time.value as string).toISOString() : undefined;
  return { ok: problems.length === 0, problems, certificatePem: pki.certificateToPem(cert), signingTime };
}
