// The development identity: created once when no signing key is configured, kept outside every package
// (PROOFLINE_HOME, default ~/.proofline) so successive runs carry the same certificate. It is self-signed,
// and the report says so.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { identityFromPem, SigningKeyError } from './local-identity.ts';
import { selfSignedCertificate } from './self-signed-certificate.ts';
import { rsaDigestSigner, type SigningIdentity } from './signing-identity.ts';
import { derToPem } from './x509.ts';

export { prooflineHome } from '../util/proofline-home.ts';

export const DEV_IDENTITY_DIR = 'dev-identity';

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SigningKeyError({ file: file, message: `cannot read the development identity (${(err as Error).message}); it is not replaced: fix its permissions or move it away` });
  }
}

export async function developmentIdentity(home: string, organization: string, now = new Date()): Promise<SigningIdentity> {
  const dir = join(home, DEV_IDENTITY_DIR);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'certificate.pem');
  // Made only when absent: an unreadable or half identity is an error, never silently replaced by a new
  // signer (packages would change signer without anyone deciding it).
  const [keyPemFound, certPemFound] = await Promise.all([readIfPresent(keyFile), readIfPresent(certFile)]);
  if (keyPemFound && certPemFound) return identityFromPem(keyPemFound, certPemFound, dir, 'development');
  if (keyPemFound || certPemFound) {
    const [has, lacks] = keyPemFound ? ['key.pem', 'certificate.pem'] : ['certificate.pem', 'key.pem'];
    throw new SigningKeyError({ file: dir, message: `holds ${has} without ${lacks}; the development identity is not replaced: restore ${lacks} or move the folder away` });
  }

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const certPem = derToPem(await selfSignedCertificate(publicKey.export({ type: 'spki', format: 'der' }), { commonName: 'Proofline development signer (self-signed)', organization }, rsaDigestSigner(privateKey), now, 10));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Write under temporary names and rename, so a concurrent run never reads a half identity.
  const suffix = `.${process.pid}.tmp`;
  await writeFile(keyFile + suffix, keyPem, { mode: 0o600 });
  await writeFile(certFile + suffix, certPem);
  await rename(keyFile + suffix, keyFile);
  await rename(certFile + suffix, certFile);
  return identityFromPem(keyPem, certPem, dir, 'development');
}
