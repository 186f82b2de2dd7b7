// Lists the files of a package folder as sorted, '/'-separated relative paths.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function listPackageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
