// Migration of a history written before the keyed chain: the unkeyed SHA-256 chain is checked first
// and the outcome kept (history_meta 'migration'), so verify can say that runs up to the migration were
// keyed after the fact, and fail for ever if the chain they were keyed over did not hold.
import { stableStringify } from '../util/stable-json.ts';
import { entryDigest, type HistoryEntry } from './history-entry.ts';
import { historyKeyId } from './history-key.ts';
import { entryMac, prunedMac } from './history-mac.ts';
import { readMeta, writeHead, writeMeta } from './history-meta.ts';
import { allRuns } from './history-rows.ts';
import type { HistoryStatements } from './history-sql.ts';

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

/**
 * A history without a key id is new, or predates the keyed chain: key it now, in the transaction given.
 * An unkeyed history is re-keyed only after its SHA-256 chain was checked, and the check's outcome is
 * kept as a migration note that verify reports for ever: re-keying must not launder an edited history.
 */
export async function keyHistory(tx: HistoryStatements, key: Buffer, fromVersion: number): Promise<void> {
  if ((await readMeta(tx, 'key_id')) !== undefined) return;
  const entries = await allRuns(tx);
  if (entries.length) {
    const note: RekeyNote = rekeyNote(entries, fromVersion, new Date().toISOString());
    let previousMac: string | undefined;
    for (const e of entries) {
      const mac = entryMac(key, e, previousMac);
      await tx.run('UPDATE runs SET entry_mac = ?, pruned_mac = ? WHERE seq = ?', [mac, e.prunedAt ? prunedMac(key, { id: e.id, entryMac: mac }, e.prunedAt) : null, e.seq]);
      previousMac = mac;
    }
    await writeHead(tx, key, entries.at(-1)!.seq, previousMac!);
    await writeMeta(tx, 'migration', stableStringify(note));
  }
  await writeMeta(tx, 'key_id', historyKeyId(key));
}
