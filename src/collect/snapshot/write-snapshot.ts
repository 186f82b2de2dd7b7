// Writes evidence records as a snapshot folder, atomically (util/write-folder-atomically.ts): built in a
// new temporary sibling, then renamed. An existing target is replaced only when it is empty or a snapshot (snapshot.json of this
// format and nothing but records/ beside it): `record --out .` must never wipe someone's folder.
import { mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { EvidenceRecord } from '../evidence-record.ts';
import { storedRecords, type StoredRecord, type StoredRecords } from './stored-record.ts';
import type { Scope } from '../target.ts';
import { confinedPath } from '../../util/confined-path.ts';
import { folderMaker } from '../../util/folder-maker.ts';
import { writeFolderAtomically } from '../../util/write-folder-atomically.ts';
import { RECORDS_DIR, SNAPSHOT_FORMAT, SNAPSHOT_INDEX, SNAPSHOT_VERSION, recordFile, type SnapshotEntry, type SnapshotIndex } from './snapshot-format.ts';
import { InputError, type InputProblem } from '../../util/input-error.ts';
import { writeSmallFile } from '../../util/write-many-files.ts';
import { writeStableJson } from '../../util/write-stable-json.ts';

/** Record files written at the same time: enough to keep the disk busy, few enough for file handles. */
const WRITE_CONCURRENCY = 32;

/** The target exists and is not something this function may replace. */
export class SnapshotTargetError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'SnapshotTargetError';
  }
}

type Existing = 'absent' | 'empty' | 'snapshot';

async function existingTarget(target: string): Promise<Existing> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 'absent';
  if (!info.isDirectory()) throw new SnapshotTargetError({ file: target, message: 'exists and is not a folder; choose another --out' });
  const names = await readdir(target);
  if (names.length === 0) return 'empty';
  const marker = await readFile(confinedPath(target, SNAPSHOT_INDEX), 'utf8').then((t) => (JSON.parse(t) as { format?: unknown }).format, () => undefined);
  const foreign = names.filter((n) => n !== SNAPSHOT_INDEX && n !== RECORDS_DIR);
  if (marker !== SNAPSHOT_FORMAT || foreign.length) {
    throw new SnapshotTargetError({ file: target, message: `exists and is not a Proofline snapshot${foreign.length ? ` (it holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''})` : ''}; it is left as it is: choose a new or empty folder for --out` });
  }
  return 'snapshot';
}

/** Throws SnapshotTargetError unless `dir` is absent, empty or a snapshot that writeSnapshot may replace. */
export async function checkSnapshotTarget(dir: string): Promise<void> {
  await existingTarget(resolve(dir));
}

export interface SnapshotMeta {
  createdAt: string;
  description?: string;
  /**
   * Called with each record's file (relative to the snapshot) and the exact bytes written there (and
   * their text), in the order of `records`, before that file is written; the write waits for it. A
   * package takes the records' digests and zip entries here instead of reading the files back.
   */
  onRecord?: (file: string, bytes: Buffer, record: StoredRecord['entry'], text: string) => Promise<void>;
  /**
   * The caller hands an array of `records` over: each slot is emptied once its record is serialised, so
   * the records written so far can be reclaimed while the rest are written (a package's largest input).
   */
  release?: boolean;
}

/** Writes records held in memory, or stored records (their text, copied as it is). */
export async function writeSnapshot(dir: string, records: EvidenceRecord[] | StoredRecords, scope: Scope, meta: SnapshotMeta): Promise<void> {
  const target = resolve(dir);
  const existing = await existingTarget(target);
  await writeFolderAtomically(dirname(target), basename(target), (tmp) => fillSnapshot(tmp, records, scope, meta), {
    what: 'snapshot',
    ...(existing === 'absent' ? {} : { replace: { removeOld: removeSnapshot } }),
  });
}

async function fillSnapshot(tmp: string, records: EvidenceRecord[] | StoredRecords, scope: Scope, meta: SnapshotMeta): Promise<void> {
  await mkdir(confinedPath(tmp, RECORDS_DIR));
  // The index's entries are made as the records are written (sorted by id at the end), not all up front:
  // with `release`, the records written so far are collected meanwhile, so the two are never whole at once.
  const entries: SnapshotEntry[] = [];
  const count = records.length;
  const stored = (Array.isArray(records) ? storedRecords(records as EvidenceRecord[], meta.release) : records)[Symbol.iterator]();
  // Files are written WRITE_CONCURRENCY at a time in the order given (each folder created once); the index is sorted by id.
  const folder = folderMaker();
  const worker = async () => {
    for (let next = stored.next(); !next.done; next = stored.next()) {
      const { entry, text } = next.value;
      const file = recordFile(entry.id);
      entries.push({ ...entry, file });
      const path = confinedPath(tmp, file);
      const bytes = Buffer.from(text, 'utf8');
      // Called before any await, so calls keep the order of `records` across workers.
      await Promise.all([meta.onRecord?.(file, bytes, entry, text), folder(dirname(path))]);
      await writeSmallFile(path, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, count) }, worker));
  const index: SnapshotIndex = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    createdAt: meta.createdAt,
    ...(meta.description ? { description: meta.description } : {}),
    scope: { accounts: [...scope.accounts].sort(), regions: [...scope.regions].sort() },
    records: entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  await writeStableJson(confinedPath(tmp, SNAPSHOT_INDEX), index, 'records');
}

/** Only what was checked to be a snapshot (or an empty folder): its index and its records folder. */
async function removeSnapshot(old: string): Promise<void> {
  await rm(confinedPath(old, RECORDS_DIR), { recursive: true, force: true });
  await rm(confinedPath(old, SNAPSHOT_INDEX), { force: true });
  await rmdir(old);
}
