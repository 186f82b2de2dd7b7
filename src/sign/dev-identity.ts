// The development identity: created once when no signing key is configured, kept outside every package
// (PROOFLINE_HOME, default ~/.proofline) so successive runs carry the same certificate. It is self-signed,
// and the report says so.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { identityFromPem } from './local-identity.ts';
import { selfSignedCertificate } from './self-signed-certificate.ts';
import { rsaDigestSigner, type SigningIdentity } from './signing-identity.ts';
import { derToPem } from './x509.ts';

export { prooflineHome } from '../util/proofline-home.ts';

export const DEV_IDENTITY_DIR = 'dev-identity';

export async function developmentIdentity(home: string, organization: string, now = new Date()): Promise<SigningIdentity> {
  const dir = join(home, DEV_IDENTITY_DIR);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'certificate.pem');
  const existing = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]).catch(() => undefined);
  if (existing) return identityFromPem(existing[0], existing[1], dir, 'development');

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
