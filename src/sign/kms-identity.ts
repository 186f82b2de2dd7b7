// An identity whose private key stays in AWS KMS: every signature is one kms:Sign call over a digest.
import { readFile } from 'node:fs/promises';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import forge from 'node-forge';
import { SigningKeyError } from './local-identity.ts';
import { selfSignedCertificate } from './self-signed-certificate.ts';
import type { SigningIdentity } from './signing-identity.ts';

export const KMS_SIGNING_ALGORITHM = 'RSASSA_PKCS1_V1_5_SHA_256';

export interface KmsIdentityOptions {
  keyId: string;
  client: KMSClient;
  /** PEM certificate issued for the KMS key; without it a self-signed certificate is made with the key. */
  certificateFile?: string;
  organization: string;
}

export async function kmsIdentity(opts: KmsIdentityOptions): Promise<SigningIdentity> {
  const { client, keyId } = opts;
  const info = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (info.KeyUsage !== 'SIGN_VERIFY' || !info.SigningAlgorithms?.includes(KMS_SIGNING_ALGORITHM) || !info.PublicKey) {
    throw new SigningKeyError(`KMS key ${keyId}: must be an RSA SIGN_VERIFY key that supports ${KMS_SIGNING_ALGORITHM}`);
  }
  const publicKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(Buffer.from(info.PublicKey).toString('binary')));
  const signDigest = async (digest: Buffer): Promise<Buffer> => {
    const out = await client.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: KMS_SIGNING_ALGORITHM }));
    if (!out.Signature) throw new Error(`KMS key ${keyId}: Sign returned no signature`);
    return Buffer.from(out.Signature);
  };
  let certificate: forge.pki.Certificate;
  if (opts.certificateFile) {
    let pem: string;
    try {
      pem = await readFile(opts.certificateFile, 'utf8');
      certificate = forge.pki.certificateFromPem(pem);
    } catch (err) {
      throw new SigningKeyError(`${opts.certificateFile}: cannot read the KMS key's certificate (${(err as Error).message})`);
    }
    if ((certificate.publicKey as forge.pki.rsa.PublicKey).n?.compareTo((publicKey as forge.pki.rsa.PublicKey).n) !== 0) {
      throw new SigningKeyError(`${opts.certificateFile}: the certificate is not for KMS key ${keyId}`);
    }
  } else {
    certificate = await selfSignedCertificate(publicKey, { commonName: `Proofline signer (AWS KMS ${info.KeyId ?? keyId})`, organization: opts.organization }, signDigest);
  }
  return { source: 'kms', certificate, certificatePem: forge.pki.certificateToPem(certificate), signDigest };
}
