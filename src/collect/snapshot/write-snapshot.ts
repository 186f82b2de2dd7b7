// Writes evidence records as a snapshot folder, atomically: built in a temporary sibling, then renamed.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../evidence-record.ts';
import type { Scope } from '../target.ts';
import { stableStringify } from '../../util/stable-json.ts';
import { RECORDS_DIR, SNAPSHOT_FORMAT, SNAPSHOT_INDEX, SNAPSHOT_VERSION, recordFile, type SnapshotIndex } from './snapshot-format.ts';

/** Record files written at the same time: enough to keep the disk busy, few enough for file handles. */
const WRITE_CONCURRENCY = 32;

export async function writeSnapshot(dir: string, records: EvidenceRecord[], scope: Scope, meta: { createdAt: string; description?: string }): Promise<void> {
  const target = resolve(dir);
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(join(tmp, RECORDS_DIR), { recursive: true });
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: SnapshotIndex = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    createdAt: meta.createdAt,
    ...(meta.description ? { description: meta.description } : {}),
    scope: { accounts: [...scope.accounts].sort(), regions: [...scope.regions].sort() },
    records: [],
  };
  // Files are written WRITE_CONCURRENCY at a time (each folder created once); the index keeps the sorted order.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (path: string) => {
    let made = folders.get(path);
    if (!made) folders.set(path, (made = mkdir(path, { recursive: true })));
    return made;
  };
  let next = 0;
  const worker = async () => {
    while (next < sorted.length) {
      const record = sorted[next++];
      const path = join(tmp, recordFile(record.id));
      await folder(dirname(path));
      await writeFile(path, serializeRecord(unsealRecord(record)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, sorted.length) }, worker));
  for (const record of sorted) {
    index.records.push({ id: record.id, key: record.key, account: record.account, region: record.region, outcome: record.outcome, file: recordFile(record.id), sha256: record.sha256 });
  }
  await writeFile(join(tmp, SNAPSHOT_INDEX), stableStringify(index, 2) + '\n');
  await rm(target, { recursive: true, force: true });
  await mkdir(dirname(target), { recursive: true });
  await rename(tmp, target);
}
