// The keyed chain over the run history, independent of where the rows are stored (SQLite today, any
// other backend tomorrow): each entry's MAC covers its content digest (every column fixed at recording:
// ids, times, status, error, package path, manifest, results and summary digests, the previous entry's
// digest) and the previous entry's MAC; a pruning has its own MAC over the entry's MAC and the time;
// the head (last seq and MAC) is keyed too, so dropping the newest rows is seen.
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (key: Buffer, ...parts: (string | number)[]) => createHmac('sha256', key).update(parts.join('\n')).digest('hex');

export function entryMac(key: Buffer, e: { seq: number; entrySha256: string }, previousEntryMac: string | undefined): string {
  return mac(key, 'proofline history entry v1', e.seq, e.entrySha256, previousEntryMac ?? '');
}

export function prunedMac(key: Buffer, e: { id: string; entryMac: string }, prunedAt: string): string {
  return mac(key, 'proofline history pruned v1', e.id, e.entryMac, prunedAt);
}

export function headMac(key: Buffer, seq: number, lastEntryMac: string): string {
  return mac(key, 'proofline history head v1', seq, lastEntryMac);
}

export function sameMac(a: string | undefined, b: string): boolean {
  return a !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
