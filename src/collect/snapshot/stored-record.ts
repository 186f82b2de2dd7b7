// A record as a snapshot stores it: the exact text of its file and what the snapshot's index says of
// it. A run keeps its records this way once they are evaluated (run/run-spool.ts): their text is on
// disk, and a snapshot or package copies it instead of serialising the record again.
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../evidence-record.ts';
import type { SnapshotEntry } from './snapshot-format.ts';

export interface StoredRecord {
  entry: Omit<SnapshotEntry, 'file'>;
  /** The bytes of the record's file (serializeRecord), whose sha256 is entry.sha256. */
  text: string;
}

/** Stored records in order; each is made as it is reached. Arrays are StoredRecords too. */
export interface StoredRecords {
  readonly length: number;
  [Symbol.iterator](): Iterator<StoredRecord>;
}

export function snapshotEntryOf(r: Pick<EvidenceRecord, 'id' | 'key' | 'account' | 'region' | 'outcome' | 'sha256'>): Omit<SnapshotEntry, 'file'> {
  return { id: r.id, key: r.key, account: r.account, region: r.region, outcome: r.outcome, sha256: r.sha256 };
}

function storedRecord(record: EvidenceRecord): StoredRecord {
  return { entry: snapshotEntryOf(record), text: serializeRecord(unsealRecord(record)) };
}

/**
 * Records in memory as stored records, serialised one at a time as they are iterated. With `release`,
 * the caller hands the array over: each slot is emptied as its record is reached, so the records
 * written so far can be collected while the rest are written.
 */
export function storedRecords(records: EvidenceRecord[], release = false): StoredRecords {
  const slots: (EvidenceRecord | undefined)[] = records;
  return {
    length: records.length,
    *[Symbol.iterator]() {
      for (let i = 0; i < slots.length; i++) {
        const record = slots[i]!;
        if (release) slots[i] = undefined;
        yield storedRecord(record);
      }
    },
  };
}
