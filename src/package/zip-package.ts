// The zip that travels with the package folder: same files, same relative paths, under the package's name.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import yazl from 'yazl';
import { listPackageFiles } from './package-files.ts';

export async function zipFolder(dir: string, rootName: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  for (const file of await listPackageFiles(dir)) zip.addFile(join(dir, file), `${rootName}/${file}`);
  zip.end();
  await once(out, 'close');
}
