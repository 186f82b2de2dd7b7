// An identity whose private key stays in AWS KMS: every signature is one kms:Sign call over a digest.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { SigningKeyError } from './local-identity.ts';
import { selfSignedCertificate } from './self-signed-certificate.ts';
import { identityCertificate, type SigningIdentity } from './signing-identity.ts';
import { derToPem, pemCertificates } from './x509.ts';

export const KMS_SIGNING_ALGORITHM = 'RSASSA_PKCS1_V1_5_SHA_256';

export interface KmsIdentityOptions {
  keyId: string;
  client: KMSClient;
  /** PEM certificate issued for the KMS key (its chain may follow); without it a self-signed certificate is made with the key. */
  certificateFile?: string;
  organization: string;
}

export async function kmsIdentity(opts: KmsIdentityOptions): Promise<SigningIdentity> {
  const { client, keyId } = opts;
  const info = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (info.KeyUsage !== 'SIGN_VERIFY' || !info.SigningAlgorithms?.includes(KMS_SIGNING_ALGORITHM) || !info.PublicKey) {
    throw new SigningKeyError({ file: `KMS key ${keyId}`, message: `must be an RSA SIGN_VERIFY key that supports ${KMS_SIGNING_ALGORITHM}` });
  }
  const spki = Buffer.from(info.PublicKey);
  const signDigest = async (digest: Buffer): Promise<Buffer> => {
    const out = await client.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: KMS_SIGNING_ALGORITHM }));
    if (!out.Signature) throw new Error(`KMS key ${keyId}: Sign returned no signature`);
    return Buffer.from(out.Signature);
  };
  if (!opts.certificateFile) {
    const der = await selfSignedCertificate(spki, { commonName: `Proofline signer (AWS KMS ${info.KeyId ?? keyId})`, organization: opts.organization }, signDigest);
    return { ...identityCertificate('kms', derToPem(der)), signDigest };
  }
  let certs: Buffer[];
  try {
    certs = pemCertificates(await readFile(opts.certificateFile, 'utf8'));
    if (!certs.length) throw new Error('no PEM certificate found');
    for (const c of certs) new X509Certificate(c);
  } catch (err) {
    throw new SigningKeyError({ file: opts.certificateFile, message: `cannot read the KMS key's certificate (${(err as Error).message})` });
  }
  const own = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' });
  const mine = certs.find((c) => new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(own));
  if (!mine) throw new SigningKeyError({ file: opts.certificateFile, message: `the certificate is not for KMS key ${keyId}` });
  const chainDer = certs.filter((c) => c !== mine);
  return { ...identityCertificate('kms', derToPem(mine)), ...(chainDer.length ? { chainDer } : {}), signDigest };
}
