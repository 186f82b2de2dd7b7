// Identities whose private key is a file: PKCS#12 (opened with node-forge's public API) or PEM key +
// certificate (Node's crypto).
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { identityCertificate, rsaDigestSigner, type IdentitySource, type SigningIdentity } from './signing-identity.ts';
import { derToPem, pemCertificates } from './x509.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';

export class SigningKeyError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'SigningKeyError';
  }
}

async function readOrFail(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new SigningKeyError({ file: file, message: `cannot read ${what} (${(err as Error).message})` });
  }
}

const spkiOf = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

/** The certificate (DER) among `certs` whose public key is the private key's. */
function certificateFor(key: KeyObject, certs: Buffer[]): Buffer | undefined {
  const own = spkiOf(createPublicKey(key));
  return certs.find((der) => spkiOf(new X509Certificate(der).publicKey).equals(own));
}

function rsaKey(pem: string, file: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new SigningKeyError({ file: file, message: 'only RSA signing keys are supported' });
  return key;
}

/** An identity from a private key and the certificates that came with it (the signer's and its chain). */
export function identityFrom(key: KeyObject, certs: Buffer[], file: string, source: IdentitySource): SigningIdentity {
  const own = certificateFor(key, certs);
  if (!own) throw new SigningKeyError({ file: file, message: certs.length ? 'the certificate does not belong to the private key' : 'no certificate' });
  const chainDer = certs.filter((c) => c !== own);
  return { ...identityCertificate(source, derToPem(own)), ...(chainDer.length ? { chainDer } : {}), signDigest: rsaDigestSigner(key) };
}

export function identityFromPem(keyPem: string, certPem: string, file: string, source: 'pem' | 'development' = 'pem'): SigningIdentity {
  let key: KeyObject;
  let certs: Buffer[];
  try {
    key = rsaKey(keyPem, file);
    certs = pemCertificates(certPem);
    for (const c of certs) new X509Certificate(c);
  } catch (err) {
    if (err instanceof SigningKeyError) throw err;
    throw new SigningKeyError({ file: file, message: `not a PEM RSA private key and certificate (${(err as Error).message})` });
  }
  if (certs.length === 0) throw new SigningKeyError({ file: file, message: 'not a PEM RSA private key and certificate (no certificate found)' });
  return identityFrom(key, certs, file, source);
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
    throw new SigningKeyError({ file: file, message: `cannot open PKCS#12 (wrong password or not a PKCS#12 file: ${(err as Error).message})` });
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)][0];
  if (!keyBag?.key) throw new SigningKeyError({ file: file, message: 'the PKCS#12 file holds no private key' });
  if (!(keyBag.key as forge.pki.rsa.PrivateKey).n) throw new SigningKeyError({ file: file, message: 'only RSA signing keys are supported' });
  const key = rsaKey(forge.pki.privateKeyToPem(keyBag.key), file);
  // A bundle may carry the chain: the signing certificate is the one whose key matches.
  const certs = bags(forge.pki.oids.certBag).flatMap((b) => (b.cert ? pemCertificates(forge.pki.certificateToPem(b.cert)) : []));
  if (!certificateFor(key, certs)) throw new SigningKeyError({ file: file, message: 'the PKCS#12 file holds no certificate for its private key' });
  return identityFrom(key, certs, file, 'pkcs12');
}
