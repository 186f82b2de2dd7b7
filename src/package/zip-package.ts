// The zip that travels with the package folder: same files, same relative paths, under the package's name.
// Small files are read 16 at a time ahead of the writer (zip-writer.ts); large ones are streamed.
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listPackageFiles } from './package-files.ts';
import { SMALL_FILE, ZipWriter } from './zip-writer.ts';

const READ_AHEAD = 16;

export async function zipFolder(dir: string, rootName: string, zipPath: string): Promise<void> {
  const files = await listPackageFiles(dir);
  const out = await open(zipPath, 'w');
  try {
    const zip = new ZipWriter(out);
    for (let i = 0; i < files.length; i += READ_AHEAD) {
      const batch = await Promise.all(
        files.slice(i, i + READ_AHEAD).map(async (file) => {
          const path = join(dir, file);
          const info = await stat(path);
          return { name: `${rootName}/${file}`, path, mtime: info.mtime, data: info.size <= SMALL_FILE ? await readFile(path) : undefined };
        }),
      );
      for (const f of batch) {
        if (f.data) await zip.addBuffer(f.name, f.data, f.mtime);
        else await zip.addFileStream(f.name, f.path, f.mtime);
      }
    }
    await zip.finish();
  } finally {
    await out.close();
  }
}
