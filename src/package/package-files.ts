// Lists the files of a package folder as sorted, '/'-separated relative paths.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';

/**
 * Folders read at once. A package of 100k findings has about 12,600 folders (evidence/records/<account>/
 * <region>/<service>/<operation>/); `readdir(dir, { recursive: true })` reads them one after another and
 * took about 1 s there, twice a run (the manifest, the zip). 16 at a time keeps the thread pool busy.
 */
const READ_CONCURRENCY = 16;

export async function listPackageFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const reading = pLimit(READ_CONCURRENCY);
  // `folder` is relative to `dir` and '/'-separated ('' is `dir` itself).
  const walk = async (folder: string): Promise<void> => {
    const entries = await reading(() => readdir(folder ? join(dir, folder) : dir, { withFileTypes: true }));
    const below: Promise<void>[] = [];
    for (const e of entries) {
      const path = folder ? `${folder}/${e.name}` : e.name;
      // As readdir's recursive listing: a symbolic link is listed, not followed.
      if (e.isDirectory()) below.push(walk(path));
      else files.push(path);
    }
    await Promise.all(below);
  };
  await walk('');
  return files.sort();
}
