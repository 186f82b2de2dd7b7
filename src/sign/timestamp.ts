// RFC 3161 time-stamps (pkijs): a token from a time-stamping authority over a signature's value, kept as
// the signature-time-stamp unsigned attribute of the CMS signer (RFC 3161 appendix A, as CAdES-T and
// PAdES do), so a third party vouches for when the signature existed.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, sha256Algorithm } from './external-signer.ts';
import { certificateBytes } from './x509.ts';
import { randomDerInteger } from './random-der-integer.ts';

export class TimestampError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampError';
  }
}

const TIMEOUT_MS = 30_000;

/** Asks the TSA at `url` for a token over SHA-256(`data`); checks the answer matches the request. */
export async function requestTimestamp(url: string, data: Buffer): Promise<pkijs.ContentInfo> {
  const imprint = createHash('sha256').update(data).digest();
  // Minimal and positive as DER wants: a nonce "00 4b ..." made 1 request in 256 fail (random-der-integer.ts).
  const nonce = randomDerInteger(8);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: sha256Algorithm(), hashedMessage: new asn1js.OctetString({ valueHex: imprint }) }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  let body: ArrayBuffer;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(request.toSchema().toBER(false)), signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.arrayBuffer();
  } catch (err) {
    throw new TimestampError(`time-stamping authority ${url}: ${(err as Error).message}`);
  }
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(body);
  } catch (err) {
    throw new TimestampError(`time-stamping authority ${url}: not a time-stamp response (${(err as Error).message})`);
  }
  const status = response.status.status;
  if ((status !== 0 && status !== 1) || !response.timeStampToken) throw new TimestampError(`time-stamping authority ${url}: request refused (status ${status}${response.status.statusStrings ? `: ${response.status.statusStrings.map((s) => s.valueBlock.value).join('; ')}` : ''})`);
  const info = tokenInfo(response.timeStampToken);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) throw new TimestampError(`time-stamping authority ${url}: the token is for other data`);
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)) throw new TimestampError(`time-stamping authority ${url}: the token does not answer this request (nonce)`);
  return response.timeStampToken;
}

function tokenInfo(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signed = new pkijs.SignedData({ schema: token.content });
  if (signed.encapContentInfo.eContentType !== '1.2.840.113549.1.9.16.1.4' || !signed.encapContentInfo.eContent) throw new TimestampError('not a time-stamp token (no TSTInfo)');
  return pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
}

export function timestampAttribute(token: pkijs.ContentInfo): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token.toSchema()] });
}

export interface TimestampVerification {
  ok: boolean;
  problems: string[];
  /** When the TSA says the signature existed. */
  genTime?: string;
  /** The TSA's certificate (DER) and every certificate the token carries. */
  tsaCertificate?: Buffer;
  certificates: Buffer[];
}

/** Checks a token found on a signer: it is over `signature`, and the TSA's own signature verifies. */
export async function verifyTimestampToken(value: asn1js.AsnType, signature: Buffer): Promise<TimestampVerification> {
  const problems: string[] = [];
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: value }).content });
    tokenInfo(new pkijs.ContentInfo({ schema: value }));
  } catch (err) {
    return { ok: false, problems: [`time-stamp token unreadable (${(err as Error).message})`], certificates: [] };
  }
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map(certificateBytes);
  try {
    const r = await signed.verify({ signer: 0, data: new Uint8Array(signature).buffer, extendedMode: true, checkChain: false });
    if (!r.signatureVerified) problems.push("the time-stamping authority's signature does not verify");
    const info = tokenInfo(new pkijs.ContentInfo({ schema: value }));
    return { ok: problems.length === 0, problems, genTime: info.genTime.toISOString(), ...(r.signerCertificate ? { tsaCertificate: certificateBytes(r.signerCertificate) } : {}), certificates };
  } catch (err) {
    const e = err as pkijs.SignedDataVerifyError;
    return { ok: false, problems: [`time-stamp token does not verify: ${e.message}`], certificates };
  }
}
