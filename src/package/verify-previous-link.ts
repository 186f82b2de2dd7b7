// The link between consecutive packages: a manifest names the SHA-256 of the previous run's
// manifest.json, so a package handed over alone can still be tied to the one before it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../util/sha256.ts';
import { MANIFEST_FILE } from './manifest.ts';
import type { VerifyCheck } from './verify-package.ts';

export async function verifyPreviousLink(packageDir: string, previousDir: string | undefined): Promise<VerifyCheck> {
  const name = 'link to the previous run';
  let named: string | null | undefined;
  try {
    named = (JSON.parse(await readFile(join(packageDir, MANIFEST_FILE), 'utf8')) as { previousManifestSha256?: string | null }).previousManifestSha256;
  } catch (err) {
    return { name, ok: false, detail: `cannot read ${MANIFEST_FILE}: ${(err as Error).message}` };
  }
  if (!previousDir) {
    return { name, ok: true, detail: named ? `names previous manifest ${named} (give --previous <package> to check it)` : 'first run of its chain (no previous manifest named)' };
  }
  let actual: string;
  try {
    actual = await sha256File(join(previousDir, MANIFEST_FILE));
  } catch (err) {
    return { name, ok: false, detail: `cannot read ${join(previousDir, MANIFEST_FILE)}: ${(err as Error).message}` };
  }
  if (!named) return { name, ok: false, detail: `the manifest names no previous run, but ${previousDir} was given as its predecessor` };
  return named === actual ? { name, ok: true, detail: `previous manifest ${actual} matches ${previousDir}` } : { name, ok: false, detail: `the manifest names previous manifest ${named}, but ${previousDir}/${MANIFEST_FILE} has SHA-256 ${actual}` };
}
