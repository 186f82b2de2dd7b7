// Evidence bodies for the portal: the exact text of each record file, in script chunks of about
// CHUNK_BYTES that the page loads only when a reader opens a record in them. A 100k-finding package
// has tens of thousands of records: one file each would double the package's file count (and the
// manifest), one file for all would make the first click load hundreds of megabytes. The browser
// recomputes each record's SHA-256 from this text and compares it with results.json.
import { readFile } from 'node:fs/promises';
import { confinedPath } from '../../util/confined-path.ts';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceEntry } from '../../results/run-results.ts';
import { openTextStream } from '../text-stream.ts';
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

/**
 * Writes the chunks under `portalDir` in the order of `entries`; returns the entry index each chunk
 * starts at. An entry whose record is missing is an error: the package would cite what it does not hold.
 */
export async function writeEvidenceChunks(portalDir: string, entries: readonly EvidenceEntry[], recordText: RecordText): Promise<number[]> {
  const starts: number[] = [];
  let out: ReturnType<typeof openTextStream> | undefined;
  let bytes = 0;
  const closeChunk = async () => {
    if (!out) return;
    await out.write('\n]);\n');
    await out.close();
    out = undefined;
  };
  for (let i = 0; i < entries.length; i++) {
    const text = JSON.stringify(await recordText(entries[i]));
    if (out && bytes + text.length > CHUNK_BYTES) await closeChunk();
    if (!out) {
      starts.push(i);
      bytes = 0;
      out = openTextStream(confinedPath(portalDir, evidenceChunkFile(starts.length - 1)));
      await out.write(`${PORTAL_GLOBAL}.evidenceChunk(${starts.length - 1}, [`);
    } else await out.write(',');
    await out.write(`\n${text}`);
    bytes += text.length;
  }
  await closeChunk();
  return starts;
}
