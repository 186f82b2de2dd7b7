// pkijs signs through a crypto engine it is handed (SignedData.sign, Certificate.sign take one as a
// parameter). This engine hands the SHA-256 of what pkijs wants signed to our digest signer, so the
// private key may live in memory or stay inside AWS KMS: pkijs never sees it.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type DigestSigner = (digest: Buffer) => Promise<Buffer>;

export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

export const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });

/** Stands in for a CryptoKey: pkijs only checks that a key was given; the engine below ignores it. */
export const EXTERNAL_KEY = { algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } }, type: 'private' } as unknown as CryptoKey;

export class ExternalSignerEngine extends pkijs.CryptoEngine {
  constructor(private readonly signDigest: DigestSigner) {
    super({ name: 'proofline-external-signer', crypto: globalThis.crypto });
  }

  override async getSignatureParameters(): Promise<pkijs.CryptoEngineSignatureParams> {
    return {
      signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
      parameters: { algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } } as Algorithm, usages: ['sign'] },
    };
  }

  override async signWithPrivateKey(data: BufferSource): Promise<ArrayBuffer> {
    const bytes = ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data as ArrayBuffer);
    const signature = await this.signDigest(createHash('sha256').update(bytes).digest());
    return new Uint8Array(signature).buffer;
  }
}
