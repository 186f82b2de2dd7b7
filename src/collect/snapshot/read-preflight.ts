// Preflight records (evidence from preparing the scope, e.g. a role that could not be assumed) are not
// answers to collector calls, so replay cannot reproduce them by calling: they are read back as they are.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { confinedExistingPath } from '../../util/confined-path.ts';
import { sealRecord, type EvidenceRecord, type EvidenceRecordBody } from '../evidence-record.ts';
import { PREFLIGHT_KEYS } from '../preflight.ts';
import { SnapshotError } from './read-snapshot.ts';
import type { SnapshotIndex } from './snapshot-format.ts';

export async function readSnapshotPreflight(dir: string, index: SnapshotIndex): Promise<EvidenceRecord[]> {
  const out: EvidenceRecord[] = [];
  for (const entry of index.records.filter((r) => PREFLIGHT_KEYS.includes(r.key))) {
    let path: string;
    try {
      path = await confinedExistingPath(dir, entry.file);
    } catch (err) {
      throw new SnapshotError({ file: join(dir, entry.file), message: (err as Error).message });
    }
    const record = sealRecord(JSON.parse(await readFile(path, 'utf8')) as EvidenceRecordBody);
    if (record.sha256 !== entry.sha256) throw new SnapshotError({ file: join(dir, entry.file), message: 'SHA-256 does not match snapshot.json; the record was altered' });
    if (record.id !== entry.id || record.account !== entry.account || record.region !== entry.region) throw new SnapshotError({ file: path, message: `id, account or region differ from its snapshot.json entry ${entry.id}` });
    out.push(record);
  }
  return out;
}
