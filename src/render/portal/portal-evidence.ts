// Evidence bodies for the portal: the exact text of each record file, in script chunks of about
// CHUNK_BYTES that the page loads only when a reader opens a record in them. A 100k-finding package
// has tens of thousands of records: one file each would double the package's file count (and the
// manifest), one file for all would make the first click load hundreds of megabytes. The browser
// recomputes each record's SHA-256 from this text and compares it with results.json.
import { confinedPath } from '../../util/confined-path.ts';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceEntry } from '../../results/run-results.ts';
import { openTextStream } from '../text-stream.ts';
import { PORTAL_GLOBAL } from './portal-data.ts';

export const CHUNK_BYTES = 256 * 1024;

export function evidenceChunkFile(chunk: number): string {
  return `evidence/${String(chunk).padStart(4, '0')}.js`;
}

/**
 * Writes the chunks under `portalDir` in the order of `entries`; returns the entry index each chunk
 * starts at. An entry whose record is missing is an error: the package would cite what it does not hold.
 */
export async function writeEvidenceChunks(portalDir: string, entries: readonly EvidenceEntry[], records: readonly EvidenceRecord[]): Promise<number[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
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
    const record = byId.get(entries[i].id);
    if (!record) throw new Error(`portal: evidence record ${entries[i].id} is listed in results.json but was not collected`);
    const text = JSON.stringify(serializeRecord(unsealRecord(record)));
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
