// Writes evidence records as a snapshot folder, atomically: built in a temporary sibling, then renamed.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../evidence-record.ts';
import type { Scope } from '../target.ts';
import { stableStringify } from '../../util/stable-json.ts';
import { RECORDS_DIR, SNAPSHOT_FORMAT, SNAPSHOT_INDEX, SNAPSHOT_VERSION, recordFile, type SnapshotIndex } from './snapshot-format.ts';

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
  for (const record of sorted) {
    const file = recordFile(record.id);
    await mkdir(dirname(join(tmp, file)), { recursive: true });
    await writeFile(join(tmp, file), serializeRecord(unsealRecord(record)));
    index.records.push({ id: record.id, key: record.key, account: record.account, region: record.region, outcome: record.outcome, file, sha256: record.sha256 });
  }
  await writeFile(join(tmp, SNAPSHOT_INDEX), stableStringify(index, 2) + '\n');
  await rm(target, { recursive: true, force: true });
  await mkdir(dirname(target), { recursive: true });
  await rename(tmp, target);
}
