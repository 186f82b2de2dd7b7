// The last package step: writes the signer's certificate, then manifest.json over every file, then
// manifest.sig, a detached CMS signature over manifest.json's exact bytes.
import { readFile, writeFile } from 'node:fs/promises';
import { buildManifest, MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, SIGNER_CERTIFICATE_FILE, writeManifest } from './manifest.ts';
import type { PackageStep } from './write-package.ts';
import { confinedPath } from '../util/confined-path.ts';
import { signDetached } from '../sign/detached-cms.ts';
import { describeSigner, type SigningIdentity } from '../sign/signing-identity.ts';

export interface SignPackageOptions {
  identity: SigningIdentity;
  /** SHA-256 of the previous run's manifest.json, from run history. */
  previousManifestSha256?: string | null;
  now?: () => Date;
}

export function signPackageStep(opts: SignPackageOptions): PackageStep {
  return async (dir, ctx) => {
    const now = opts.now?.() ?? new Date();
    await writeFile(confinedPath(dir, SIGNER_CERTIFICATE_FILE), opts.identity.certificatePem);
    const manifest = await buildManifest(dir, ctx.results, describeSigner(opts.identity), { previousManifestSha256: opts.previousManifestSha256, createdAt: now.toISOString(), written: await ctx.written?.all() });
    await writeManifest(confinedPath(dir, MANIFEST_FILE), manifest);
    // Sign the bytes as written, not a re-serialization.
    const bytes = await readFile(confinedPath(dir, MANIFEST_FILE));
    await writeFile(confinedPath(dir, MANIFEST_SIGNATURE_FILE), await signDetached(bytes, opts.identity, now));
  };
}
