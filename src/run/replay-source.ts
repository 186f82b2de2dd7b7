// Replaying recorded evidence: a package's evidence/ is replayed only after that package verifies
// (manifest signature, every file's digest, nothing missing or extra), so evidence edited inside a
// package cannot come out as a new package that looks clean. A bare snapshot has no signature: its
// replay is marked unverified, and the report and results.json say so.
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { snapshotSource, type PreparedSource, type SourceVerification } from '../collect/source.ts';
import { MANIFEST_FILE } from '../package/manifest.ts';
import { verifyPackage } from '../package/verify-package.ts';
import { InputError } from '../util/input-error.ts';
import { sha256File } from '../util/sha256.ts';

export class ReplayVerificationError extends InputError {}

const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

/** The package a snapshot folder belongs to (its evidence/ folder, or the package folder itself), if any. */
async function owningPackage(dir: string): Promise<{ pkg: string; snapshot: string } | undefined> {
  const abs = resolve(dir);
  if (await isFile(resolve(abs, MANIFEST_FILE))) return { pkg: abs, snapshot: resolve(abs, 'evidence') };
  if (basename(abs) === 'evidence' && (await isFile(resolve(dirname(abs), MANIFEST_FILE)))) return { pkg: dirname(abs), snapshot: abs };
  return undefined;
}

const UNSIGNED = 'a recorded snapshot: its digests in snapshot.json are not signed, so anyone who could write the folder could have changed the evidence';

export async function replayVerification(dir: string): Promise<{ snapshot: string; verification: SourceVerification }> {
  const owner = await owningPackage(dir);
  if (!owner) return { snapshot: dir, verification: { status: 'unverified', detail: UNSIGNED } };
  const report = await verifyPackage(owner.pkg, { pdfsig: false });
  if (!report.ok) {
    const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.name}${c.detail ? `: ${c.detail}` : ''}`);
    throw new ReplayVerificationError({ file: owner.pkg, message: `the package does not verify, so its evidence is not replayed (${failed.slice(0, 5).join('; ')}${failed.length > 5 ? `; ${failed.length - 5} more` : ''})` });
  }
  const signer = report.signer ? `${report.signer.subject}, SHA-256 fingerprint ${report.signer.fingerprintSha256}` : 'the certificate in the package';
  return {
    snapshot: owner.snapshot,
    verification: {
      status: 'verified',
      detail: `evidence of package ${basename(owner.pkg)}, whose manifest signature and every file digest were checked before replay (signed by ${signer}; who that signer is was not judged here: see proofline verify --trust)`,
      package: owner.pkg,
      manifestSha256: await sha256File(resolve(owner.pkg, MANIFEST_FILE)),
    },
  };
}

/** A snapshot source whose provenance was checked first (see replayVerification). */
export async function verifiedSnapshotSource(dir: string, regions: string[] = []): Promise<PreparedSource> {
  const { snapshot, verification } = await replayVerification(dir);
  return { ...(await snapshotSource(snapshot, regions)), verification };
}
