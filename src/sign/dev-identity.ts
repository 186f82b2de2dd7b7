// The development identity: created once when no signing key is configured, kept outside every package
// (PROOFLINE_HOME, default ~/.proofline) so successive runs carry the same certificate. It is self-signed,
// and the report says so.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { identityFrom, identityFromPem, SigningKeyError } from './local-identity.ts';
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
  const certDer = await selfSignedCertificate(publicKey.export({ type: 'spki', format: 'der' }), { commonName: 'Proofline development signer (self-signed)', organization }, rsaDigestSigner(privateKey), now, 10);
  const certPem = derToPem(certDer);
  // Both files are written into a folder of our own and published with one rename, so a concurrent run
  // (another process, or another package built in this one) never reads a half or mixed identity; if
  // another creator published first, its identity is the one used.
  await mkdir(home, { recursive: true, mode: 0o700 });
  const tmp = await mkdtemp(join(home, `${DEV_IDENTITY_DIR}.tmp-`));
  try {
    await writeFile(join(tmp, 'key.pem'), keyPem, { mode: 0o600 });
    await writeFile(join(tmp, 'certificate.pem'), certPem);
    await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return developmentIdentity(home, organization, now);
    throw err;
  }
  // The key and certificate just made, as objects: nothing to parse back.
  return identityFrom(privateKey, [certDer], dir, 'development');
}
