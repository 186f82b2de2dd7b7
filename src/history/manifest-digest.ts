// The digest a package is chained by: its manifest.json (signed), or results.json for a package
// written without a manifest.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../util/sha256.ts';

export const CHAINED_FILES = ['manifest.json', 'results.json'] as const;

export async function packageManifestDigest(packageDir: string): Promise<string | undefined> {
  for (const name of CHAINED_FILES) {
    const file = join(packageDir, name);
    if (await stat(file).then((s) => s.isFile(), () => false)) return sha256File(file);
  }
  return undefined;
}
