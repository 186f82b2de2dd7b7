// Where collected evidence goes: kept in memory for evaluation, optionally mirrored to a snapshot on disk.
import type { EvidenceRecord } from './evidence-record.ts';

export interface EvidenceSink {
  add(record: EvidenceRecord): void;
}

export class MemoryEvidence implements EvidenceSink {
  private readonly byId = new Map<string, EvidenceRecord>();

  add(record: EvidenceRecord): void {
    // A repeated identical call (same scope, key, input) is the same evidence; the last answer wins.
    this.byId.set(record.id, record);
  }

  all(): EvidenceRecord[] {
    return [...this.byId.values()].sort(byId);
  }

  /** One account's records, sorted by id, removed from the sink (its collection has ended). */
  take(account: string): EvidenceRecord[] {
    const taken: EvidenceRecord[] = [];
    for (const [id, record] of this.byId) {
      if (record.account !== account) continue;
      taken.push(record);
      this.byId.delete(id);
    }
    return taken.sort(byId);
  }

  get size(): number {
    return this.byId.size;
  }
}

function byId(a: EvidenceRecord, b: EvidenceRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
