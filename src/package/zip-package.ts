// The zip that travels with the package folder: same files, same relative paths, under the package's name.
// Files the package wrote from bytes it held (written-files.ts) are added as they are written, files a
// step declares complete as it goes on (read once from disk, digest taken on the way); the rest are read
// at the end, small files 16 at a time ahead of the writer (zip-writer.ts), large ones streamed.
import { createHash } from 'node:crypto';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, type FileDigest } from '../util/sha256.ts';
import { listPackageFiles } from './package-files.ts';
import { SMALL_FILE, ZipWriter } from './zip-writer.ts';

const READ_AHEAD = 16;

export class PackageZip {
  private readonly added = new Set<string>();

  private constructor(
    private readonly out: FileHandle,
    private readonly zip: ZipWriter,
  ) {}

  static async create(zipPath: string, rootName: string): Promise<PackageZip> {
    const out = await open(zipPath, 'w');
    return new PackageZip(out, new ZipWriter(out, `${rootName}/`));
  }

  /** Adds a package file from the bytes just written to it. Calls must not overlap (the writer appends). */
  async addWritten(file: string, data: Buffer, mtime: Date): Promise<void> {
    this.added.add(file);
    await this.zip.addBuffer(file, data, mtime);
  }

  /**
   * Adds a package file from disk, read once: streamed into the zip (a large one) or read whole, its
   * SHA-256 and size taken from the bytes read. Calls must not overlap with each other or addWritten.
   */
  async addFromDisk(file: string, path: string): Promise<FileDigest> {
    const { size, mtime } = await stat(path);
    this.added.add(file);
    if (size <= SMALL_FILE) {
      const data = await readFile(path);
      await this.zip.addBuffer(file, data, mtime);
      return { sha256: sha256Hex(data), bytes: data.length };
    }
    const hash = createHash('sha256');
    let bytes = 0;
    await this.zip.addFileStream(file, path, mtime, (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    return { sha256: hash.digest('hex'), bytes };
  }

  /** Adds every file of `dir` not added yet, writes the central directory and closes the zip. */
  async finish(dir: string): Promise<void> {
    const files = (await listPackageFiles(dir)).filter((f) => !this.added.has(f));
    for (let i = 0; i < files.length; i += READ_AHEAD) {
      const batch = await Promise.all(
        files.slice(i, i + READ_AHEAD).map(async (file) => {
          const path = join(dir, file);
          const info = await stat(path);
          return { name: file, path, mtime: info.mtime, data: info.size <= SMALL_FILE ? await readFile(path) : undefined };
        }),
      );
      for (const f of batch) {
        if (f.data) await this.zip.addBuffer(f.name, f.data, f.mtime);
        else await this.zip.addFileStream(f.name, f.path, f.mtime);
      }
    }
    await this.zip.finish();
    await this.out.close();
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abandon(): Promise<void> {
    await this.out.close().catch(() => undefined);
  }
}

export async function zipFolder(dir: string, rootName: string, zipPath: string): Promise<void> {
  const zip = await PackageZip.create(zipPath, rootName);
  try {
    await zip.finish(dir);
  } catch (err) {
    await zip.abandon();
    throw err;
  }
}
