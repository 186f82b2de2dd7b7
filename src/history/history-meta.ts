// The history's own facts beside its runs (history_meta): the key id it is chained with, its keyed
// head (the last entry, so a deleted tail is noticed), and the note of a migration to the keyed chain.
import { stableStringify } from '../util/stable-json.ts';
import { headMac } from './history-mac.ts';
import type { HistoryStatements } from './history-sql.ts';

export type MetaName = 'key_id' | 'head' | 'migration';

export async function readMeta(db: HistoryStatements, name: MetaName): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM history_meta WHERE name = ?', [name]))?.value;
}

export async function writeMeta(db: HistoryStatements, name: MetaName, value: string): Promise<void> {
  await db.run('INSERT INTO history_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
}

/** The keyed head: the last entry's seq and MAC, under a MAC of their own. */
export function writeHead(tx: HistoryStatements, key: Buffer, seq: number, lastEntryMac: string): Promise<void> {
  return writeMeta(tx, 'head', stableStringify({ seq, entryMac: lastEntryMac, mac: headMac(key, seq, lastEntryMac) }));
}
