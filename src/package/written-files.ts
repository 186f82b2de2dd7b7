// Files the package writes once from bytes it holds: the evidence records and the portal's evidence
// chunks, tens of thousands of small files at 100k findings. Their SHA-256 and size are taken from those
// bytes as they are written, and each goes into the zip then, so neither the manifest nor the zip reads
// them back (each pass over them cost seconds of system calls). The manifest's signature thus vouches
// for the bytes Proofline wrote, which are the bytes on disk unless something changed them after the
// write; `verify` re-hashes every file from disk and would report such a change.
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { confinedPath } from '../util/confined-path.ts';
import { folderMaker } from '../util/folder-maker.ts';
import { sha256Hex } from '../util/sha256.ts';
import type { PackageZip } from './zip-package.ts';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

export class WrittenFiles {
  private readonly digests = new Map<string, FileDigest>();
  private readonly folder = folderMaker();
  // Zip entries are appended one at a time, in the order the files were noted.
  private zipTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly zip?: PackageZip,
  ) {}

  /**
   * Notes the exact bytes of a package file (written by the caller, or about to be): its digest is taken
   * now, synchronously, and its zip entry queued. The promise settles when the entry is in the zip. With
   * `expectedSha256` (a record's seal), bytes that do not match it are refused.
   */
  noted(file: string, data: Buffer, expectedSha256?: string): Promise<void> {
    if (this.digests.has(file)) return Promise.reject(new Error(`package: ${file} was written twice`));
    const sha256 = sha256Hex(data);
    if (expectedSha256 !== undefined && sha256 !== expectedSha256) return Promise.reject(new Error(`package: the bytes written to ${file} do not match the SHA-256 its record was sealed with; the record changed after collection`));
    // The expected string when it matches: the run's results hold it already.
    this.digests.set(file, { sha256: expectedSha256 ?? sha256, bytes: data.length });
    const zip = this.zip;
    if (!zip) return Promise.resolve();
    const added = this.zipTail.then(() => zip.addWritten(file, data, new Date()));
    this.zipTail = added.catch(() => undefined);
    return added;
  }

  /** Writes a package file (path relative to the package, '/'-separated) and notes it. */
  async write(file: string, data: Buffer): Promise<void> {
    const path = confinedPath(this.dir, file);
    await this.folder(dirname(path));
    const taken = this.noted(file, data);
    await Promise.all([taken, writeFile(path, data)]);
  }

  /** The digests of every file noted so far, by package-relative path. */
  all(): ReadonlyMap<string, FileDigest> {
    return this.digests;
  }

  /** Waits until every noted file's zip entry is written (a failed entry rejected its own caller). */
  async settled(): Promise<void> {
    await this.zipTail;
  }
}
