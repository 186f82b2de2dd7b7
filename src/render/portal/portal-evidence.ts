// Evidence bodies for the portal: the exact text of each record file, in script chunks of about
// CHUNK_BYTES that the page loads only when a reader opens a record in them. A 100k-finding package
// has tens of thousands of records: one file each would double the package's file count (and the
// manifest), one file for all would make the first click load hundreds of megabytes. The browser
// recomputes each record's SHA-256 from this text and compares it with results.json.
import { readFile, writeFile } from 'node:fs/promises';
import { confinedPath } from '../../util/confined-path.ts';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceEntry } from '../../results/run-results.ts';
import type { Rows } from '../../util/json-rows.ts';
import { PORTAL_GLOBAL } from './portal-data.ts';

export const CHUNK_BYTES = 256 * 1024;

export function evidenceChunkFile(chunk: number): string {
  return `evidence/${String(chunk).padStart(4, '0')}.js`;
}

/** The exact stored text of an entry's record file. */
export type RecordText = (entry: EvidenceEntry) => Promise<string>;

/** Record texts read from the package's evidence folder, one file at a time: the run's records need not stay in memory. */
export function recordTextsFromFolder(packageDir: string): RecordText {
  return async (entry) => {
    try {
      return await readFile(confinedPath(packageDir, entry.file), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`portal: evidence record ${entry.id} is listed in results.json but ${entry.file} is not in the package`, { cause: e });
      throw e;
    }
  };
}

/** Record texts from records in memory (serialised as the evidence folder stores them). */
export function recordTextsFrom(records: readonly EvidenceRecord[]): RecordText {
  const byId = new Map(records.map((r) => [r.id, r]));
  return async (entry) => {
    const record = byId.get(entry.id);
    if (!record) throw new Error(`portal: evidence record ${entry.id} is listed in results.json but was not collected`);
    return serializeRecord(unsealRecord(record));
  };
}

/** Writes a file of the portal (path relative to the portal folder) with these bytes. */
export type WritePortalFile = (file: string, data: Buffer) => Promise<void>;

/**
 * Collects record texts, in the order of results.json's evidence entries, into chunk files. `add`
 * appends at once (so calls keep their order) and returns the write of the chunk it completed, if any.
 */
export class EvidenceChunks {
  private readonly starts: number[] = [];
  private parts: string[] = [];
  private bytes = 0;
  private count = 0;

  constructor(private readonly write: WritePortalFile) {}

  add(recordText: string): Promise<void> {
    const text = JSON.stringify(recordText);
    const written = this.parts.length && this.bytes + text.length > CHUNK_BYTES ? this.flush() : undefined;
    if (!this.parts.length) {
      this.starts.push(this.count);
      this.bytes = 0;
    }
    this.parts.push(text);
    this.bytes += text.length;
    this.count++;
    return written ?? Promise.resolve();
  }

  /** Writes the last chunk; returns the entry index each chunk starts at. */
  async finish(): Promise<number[]> {
    if (this.parts.length) await this.flush();
    return this.starts;
  }

  private flush(): Promise<void> {
    const chunk = this.starts.length - 1;
    const body = `${PORTAL_GLOBAL}.evidenceChunk(${chunk}, [\n${this.parts.join(',\n')}\n]);\n`;
    this.parts = [];
    return this.write(evidenceChunkFile(chunk), Buffer.from(body, 'utf8'));
  }
}

/**
 * Writes the chunks under `portalDir` in the order of `entries`; returns the entry index each chunk
 * starts at. An entry whose record is missing is an error: the package would cite what it does not hold.
 */
export async function writeEvidenceChunks(portalDir: string, entries: Rows<EvidenceEntry>, recordText: RecordText): Promise<number[]> {
  const chunks = new EvidenceChunks((file, data) => writeFile(confinedPath(portalDir, file), data));
  for (const entry of entries) await chunks.add(await recordText(entry));
  return chunks.finish();
}
