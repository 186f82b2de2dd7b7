// Migration of a history written before the keyed chain: the unkeyed SHA-256 chain is checked first
// and the outcome kept (history_meta 'migration'), so verify can say that runs up to the migration were
// keyed after the fact, and fail for ever if the chain they were keyed over did not hold.
import { entryDigest, type HistoryEntry } from './history-entry.ts';

export interface RekeyNote {
  at: string;
  fromSchemaVersion: number;
  /** Runs 1..keyedRuns got their MACs at the migration, not when they were recorded. */
  keyedRuns: number;
  /** Problems of the unkeyed chain found before re-keying (empty: it held). */
  unkeyedProblems: string[];
}

export interface ChainState {
  /** This installation's key id. */
  keyId: string;
  /** The key id the history was chained with. */
  storedKeyId?: string;
  head?: { seq: number; entryMac: string; mac: string };
  migration?: RekeyNote;
}

export function rekeyNote(entries: readonly HistoryEntry[], fromSchemaVersion: number, at: string): RekeyNote {
  const problems: string[] = [];
  let previous: HistoryEntry | undefined;
  for (const e of entries) {
    if (e.seq !== (previous?.seq ?? 0) + 1) problems.push(`run #${e.seq}: runs ${(previous?.seq ?? 0) + 1}..${e.seq - 1} missing`);
    if ((e.previousEntrySha256 ?? undefined) !== previous?.entrySha256) problems.push(`run #${e.seq}: chain broken`);
    const { entrySha256, entryMac: _m, prunedAt: _p, prunedMac: _pm, ...fields } = e;
    if (entryDigest(fields) !== entrySha256) problems.push(`run #${e.seq}: entry altered`);
    previous = e;
  }
  return { at, fromSchemaVersion, keyedRuns: entries.length, unkeyedProblems: problems };
}
