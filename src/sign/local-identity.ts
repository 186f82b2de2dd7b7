// Identities whose private key is a file: PKCS#12 or PEM key + certificate.
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { forgeDigestSigner, type SigningIdentity } from './signing-identity.ts';

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

async function readOrFail(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new SigningKeyError(`${file}: cannot read ${what} (${(err as Error).message})`);
  }
}

function rsaKey(key: forge.pki.PrivateKey, file: string): forge.pki.rsa.PrivateKey {
  if (!(key as forge.pki.rsa.PrivateKey).n) throw new SigningKeyError(`${file}: only RSA signing keys are supported`);
  return key as forge.pki.rsa.PrivateKey;
}

function checkPair(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, file: string): void {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  if (!pub.n || pub.n.compareTo(key.n) !== 0) throw new SigningKeyError(`${file}: the certificate does not belong to the private key`);
}

export function identityFromPem(keyPem: string, certPem: string, file: string, source: 'pem' | 'development' = 'pem'): SigningIdentity {
  let key: forge.pki.rsa.PrivateKey;
  let certificate: forge.pki.Certificate;
  try {
    key = rsaKey(forge.pki.privateKeyFromPem(keyPem), file);
    certificate = forge.pki.certificateFromPem(certPem);
  } catch (err) {
    if (err instanceof SigningKeyError) throw err;
    throw new SigningKeyError(`${file}: not a PEM RSA private key and certificate (${(err as Error).message})`);
  }
  checkPair(key, certificate, file);
  return { source, certificate, certificatePem: forge.pki.certificateToPem(certificate), signDigest: forgeDigestSigner(key) };
}

export async function pemIdentity(keyFile: string, certFile: string): Promise<SigningIdentity> {
  const [key, cert] = await Promise.all([readOrFail(keyFile, 'signing key'), readOrFail(certFile, 'signing certificate')]);
  return identityFromPem(key.toString('utf8'), cert.toString('utf8'), `${keyFile} / ${certFile}`);
}

export async function pkcs12Identity(file: string, password: string): Promise<SigningIdentity> {
  const der = await readOrFail(file, 'PKCS#12 file');
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), password);
  } catch (err) {
    throw new SigningKeyError(`${file}: cannot open PKCS#12 (wrong password or not a PKCS#12 file: ${(err as Error).message})`);
  }
  const keyBag = [...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []), ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])][0];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  if (!keyBag?.key) throw new SigningKeyError(`${file}: the PKCS#12 file holds no private key`);
  const key = rsaKey(keyBag.key, file);
  // The signing certificate is the one whose public key matches the private key (a bundle may carry the chain).
  const certificate = certBags.map((b) => b.cert).find((c): c is forge.pki.Certificate => !!c && (c.publicKey as forge.pki.rsa.PublicKey).n?.compareTo(key.n) === 0);
  if (!certificate) throw new SigningKeyError(`${file}: the PKCS#12 file holds no certificate for its private key`);
  return { source: 'pkcs12', certificate, certificatePem: forge.pki.certificateToPem(certificate), signDigest: forgeDigestSigner(key) };
}
