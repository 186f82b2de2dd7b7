// Files the package writes once from bytes it holds: the evidence records and the portal's evidence
// chunks, tens of thousands of small files at 100k findings. Their SHA-256 and size are taken from those
// bytes as they are written, and each goes into the zip then, so neither the manifest nor the zip reads
// them back (each pass over them cost seconds of system calls). The manifest's signature thus vouches
// for the bytes Proofline wrote, which are the bytes on disk unless something changed them after the
// write; `verify` re-hashes every file from disk and would report such a change. Files a step writes
// itself (the reports, results.json) are declared complete when written: each is then read once, into
// the zip while the next step renders, with its digest taken from the bytes read.
import { dirname } from 'node:path';
import { confinedPath } from '../util/confined-path.ts';
import { folderMaker } from '../util/folder-maker.ts';
import { sha256Hex, type FileDigest } from '../util/sha256.ts';
import { writeSmallFile } from '../util/write-many-files.ts';
import type { PackageZip } from './zip-package.ts';

export type { FileDigest };

export class WrittenFiles {
  private readonly digests = new Map<string, FileDigest>();
  private readonly folder = folderMaker();
  // Zip entries are appended one at a time, in the order the files were noted.
  private zipTail: Promise<unknown> = Promise.resolve();
  // Files declared complete whose entries are queued, and the errors of any that failed.
  private readonly completing = new Set<string>();
  private readonly failures: unknown[] = [];

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
    if (this.digests.has(file) || this.completing.has(file)) return Promise.reject(new Error(`package: ${file} was written twice`));
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
    await Promise.all([taken, writeSmallFile(path, data)]);
  }

  /**
   * Declares a package file complete: no step writes it again. With a zip, its entry is queued now and
   * written while the steps go on (the deflate runs on libuv's threads, beside the renderers' JavaScript),
   * and its digest is taken from the bytes read for it, so the manifest does not read it again. A failure
   * is reported by settled().
   */
  completed(file: string): void {
    const zip = this.zip;
    if (!zip) return;
    if (this.digests.has(file) || this.completing.has(file)) throw new Error(`package: ${file} was declared complete twice`);
    this.completing.add(file);
    const path = confinedPath(this.dir, file);
    const added = this.zipTail.then(async () => void this.digests.set(file, await zip.addFromDisk(file, path)));
    this.zipTail = added.catch((err: unknown) => void this.failures.push(err));
  }

  /** The digests of every file noted or completed, by package-relative path, once all are taken. */
  async all(): Promise<ReadonlyMap<string, FileDigest>> {
    await this.settled();
    return this.digests;
  }

  /**
   * Waits until every noted and completed file's zip entry is written. A failed noted entry rejected its
   * own caller; a failed completed one is thrown here.
   */
  async settled(): Promise<void> {
    await this.zipTail;
    if (this.failures.length) throw this.failures[0];
  }
}
