// Where collected evidence goes: kept in memory for evaluation, optionally mirrored to a snapshot on disk.
import type { EvidenceRecord } from './evidence-record.ts';

export interface EvidenceSink {
  add(record: EvidenceRecord): void;
}

export class MemoryEvidence implements EvidenceSink {
  // Per account, so that an account whose collection has ended is taken without a pass over the others.
  private readonly byAccount = new Map<string, Map<string, EvidenceRecord>>();

  add(record: EvidenceRecord): void {
    let records = this.byAccount.get(record.account);
    if (!records) this.byAccount.set(record.account, (records = new Map()));
    // A repeated identical call (same scope, key, input) is the same evidence; the last answer wins.
    records.set(record.id, record);
  }

  all(): EvidenceRecord[] {
    return [...this.byAccount.values()].flatMap((records) => [...records.values()]).sort(byId);
  }

  /** The accounts the sink holds records of, in the order their first record came. */
  accounts(): string[] {
    return [...this.byAccount.keys()];
  }

  /** One account's records, sorted by id, removed from the sink (its collection has ended). */
  take(account: string): EvidenceRecord[] {
    const records = this.byAccount.get(account);
    this.byAccount.delete(account);
    return records ? [...records.values()].sort(byId) : [];
  }

  get size(): number {
    let n = 0;
    for (const records of this.byAccount.values()) n += records.size;
    return n;
  }
}

function byId(a: EvidenceRecord, b: EvidenceRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
