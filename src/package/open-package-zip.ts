// `proofline verify` accepts the package's .zip: it is extracted (yauzl) into a private temporary folder,
// checked like a folder, and removed. Entry names that would leave the folder, symbolic links, more than
// one top-level folder and oversized archives are refused rather than extracted.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export const ZIP_LIMITS = { entries: 1_000_000, bytes: 16 * 1024 ** 3 };

export class PackageZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageZipError';
  }
}

async function extract(zipPath: string, into: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.open(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => (err ? fail(err) : ok(z!))));
  const roots = new Set<string>();
  let entries = 0;
  let bytes = 0;
  try {
    await new Promise<void>((done, fail) => {
      zip.on('error', fail);
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const name = entry.fileName;
          // yauzl already refuses absolute paths, '..' segments and backslashes (strictFileNames).
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (mode === 0o120000) throw new PackageZipError(`${zipPath}: entry ${name} is a symbolic link`);
          if (++entries > ZIP_LIMITS.entries) throw new PackageZipError(`${zipPath}: more than ${ZIP_LIMITS.entries} entries`);
          bytes += entry.uncompressedSize;
          if (bytes > ZIP_LIMITS.bytes) throw new PackageZipError(`${zipPath}: more than ${ZIP_LIMITS.bytes} bytes uncompressed`);
          roots.add(name.split('/')[0]);
          const target = resolve(into, name);
          if (!target.startsWith(into + sep)) throw new PackageZipError(`${zipPath}: entry ${name} leaves the package folder`);
          if (name.endsWith('/')) await mkdir(target, { recursive: true });
          else {
            await mkdir(dirname(target), { recursive: true });
            const stream = await new Promise<NodeJS.ReadableStream>((ok, no) => zip.openReadStream(entry, (err, s) => (err ? no(err) : ok(s!))));
            await pipeline(stream, createWriteStream(target, { flags: 'wx' }));
          }
          zip.readEntry();
        })().catch(fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (roots.size !== 1) throw new PackageZipError(`${zipPath}: expected one top-level package folder, found ${roots.size}`);
  return join(into, [...roots][0]);
}

/** Runs `check` on the package folder at `path`, or on the folder inside the zip at `path`. */
export async function withPackageFolder<T>(path: string, check: (dir: string) => Promise<T>): Promise<T> {
  const isZip = path.toLowerCase().endsWith('.zip') && (await stat(path).then((s) => s.isFile(), () => false));
  if (!isZip) return check(path);
  const tmp = await mkdtemp(join(tmpdir(), 'proofline-verify-'));
  try {
    let dir: string;
    try {
      dir = await extract(resolve(path), tmp);
    } catch (err) {
      if (err instanceof PackageZipError) throw err;
      throw new PackageZipError(`${path}: cannot open the zip (${(err as Error).message})`);
    }
    return await check(dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
