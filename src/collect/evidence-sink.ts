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
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get size(): number {
    return this.byId.size;
  }
}
