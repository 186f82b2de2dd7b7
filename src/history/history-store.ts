// The run history, on either backend (history-sql.ts): one SQLite file under the data directory, no
// server (the default), or a PostgreSQL database shared by schedulers on several hosts (history.url).
// Each row is chained to the row before it (entrySha256) and keyed (entryMac, HMAC under the
// installation's history key, see history-mac.ts), and each succeeded run names the previous run's
// manifest digest. The chain is computed here, the same for both backends.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnedRate } from '../collect/learned-rates.ts';
import type { RunResults } from '../results/run-results.ts';
import { InputError } from '../util/input-error.ts';
import { displayUrl } from '../util/postgres-url.ts';
import { stableStringify } from '../util/stable-json.ts';
import { entryDigest, type HistoryEntry, type RunOutcome } from './history-entry.ts';
import { HistoryKeyError, historyKeyId } from './history-key.ts';
import { entryMac, headMac, prunedMac } from './history-mac.ts';
import type { HistorySql, HistoryStatements } from './history-sql.ts';
import { PostgresHistorySql } from './postgres-history-sql.ts';
import { readLearnedRates, writeLearnedRates } from './operation-rates.ts';
import { rekeyNote, type ChainState, type RekeyNote } from './rekey-history.ts';
import { SqliteHistorySql } from './sqlite-history-sql.ts';
import { readStoredResults, storedResults, storedResultsFile, type ResultsFile } from './stored-results.ts';

export const HISTORY_FILE = 'history.sqlite';

/** What a run tells the store; the chain fields (previous digests, entry digest) are the store's to compute. */
export type RecordRunInput = Pick<HistoryEntry, 'id' | 'startedAt' | 'finishedAt' | 'status' | 'error' | 'packagePath' | 'manifestSha256'> & {
  /** The results to keep: held in memory, or the package's results.json (read from the file). */
  results?: RunResults;
  resultsFile?: ResultsFile;
};

interface Row {
  seq: number;
  id: string;
  started_at: string;
  finished_at: string;
  status: RunOutcome;
  error: string | null;
  package_path: string | null;
  manifest_sha256: string | null;
  previous_manifest_sha256: string | null;
  results_sha256: string | null;
  summary_json: string | null;
  previous_entry_sha256: string | null;
  entry_sha256: string;
  entry_mac: string | null;
  pruned_at: string | null;
  pruned_mac: string | null;
}

function toEntry(r: Row): HistoryEntry {
  const e: HistoryEntry = { seq: r.seq, id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, entrySha256: r.entry_sha256 };
  if (r.error !== null) e.error = r.error;
  if (r.package_path !== null) e.packagePath = r.package_path;
  if (r.manifest_sha256 !== null) e.manifestSha256 = r.manifest_sha256;
  if (r.previous_manifest_sha256 !== null) e.previousManifestSha256 = r.previous_manifest_sha256;
  if (r.results_sha256 !== null) e.resultsSha256 = r.results_sha256;
  if (r.summary_json !== null) e.summary = JSON.parse(r.summary_json);
  if (r.previous_entry_sha256 !== null) e.previousEntrySha256 = r.previous_entry_sha256;
  if (r.entry_mac !== null) e.entryMac = r.entry_mac;
  if (r.pruned_at !== null) e.prunedAt = r.pruned_at;
  if (r.pruned_mac !== null) e.prunedMac = r.pruned_mac;
  return e;
}

const meta = async (db: HistoryStatements, name: string) => (await db.get<{ value: string }>('SELECT value FROM history_meta WHERE name = ?', [name]))?.value;
const setMeta = (db: HistoryStatements, name: string, value: string) => db.run('INSERT INTO history_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
const previousManifest = async (db: HistoryStatements) =>
  (await db.get<{ manifest_sha256: string }>(`SELECT manifest_sha256 FROM runs WHERE status = 'succeeded' AND manifest_sha256 IS NOT NULL ORDER BY seq DESC LIMIT 1`))?.manifest_sha256;
const allRuns = async (db: HistoryStatements) => (await db.all<Row>('SELECT * FROM runs ORDER BY seq')).map(toEntry);

export class HistoryNotFoundError extends InputError {}

export class HistoryStore {
  private constructor(
    /** The backend's statements (tests edit rows through it as an attacker would). */
    readonly sql: HistorySql,
    /** The installation's history key (history-key.ts). */
    readonly key: Buffer,
  ) {}

  private static async over(sql: HistorySql, key: Buffer): Promise<HistoryStore> {
    const store = new HistoryStore(sql, key);
    try {
      await store.keyChain(sql.openedAtVersion);
      return store;
    } catch (err) {
      await sql.close();
      throw err;
    }
  }

  /** Opens (creating and migrating if needed) <dataDir>/history.sqlite, or an in-memory store for ':memory:'. */
  static open(dataDir: string, key: Buffer): Promise<HistoryStore> {
    return HistoryStore.over(new SqliteHistorySql(dataDir === ':memory:' ? ':memory:' : join(dataDir, HISTORY_FILE)), key);
  }

  /**
   * Opens an existing history for reading commands (list, verify, diff, report): a mistyped dataDir
   * must not create an empty history that then verifies as "intact". `key` is asked for only once the
   * history is found (a typo in dataDir creates nothing, not even a key).
   */
  static openExisting(dataDir: string, key: () => Buffer): Promise<HistoryStore> {
    const file = join(dataDir, HISTORY_FILE);
    if (!existsSync(file)) throw new HistoryNotFoundError({ file, message: `no run history here (dataDir "${dataDir}"); check dataDir in the config, or run proofline schedule first` });
    return HistoryStore.over(new SqliteHistorySql(file), key());
  }

  /** Opens (creating its schema and migrating if needed) the history in a PostgreSQL database. */
  static async openPostgres(url: string, key: Buffer): Promise<HistoryStore> {
    return HistoryStore.over(await PostgresHistorySql.open(url), key);
  }

  /** For reading commands: a database without a history is an error, never a new history. */
  static async openExistingPostgres(url: string, key: () => Buffer, from: { file: string; field?: string }): Promise<HistoryStore> {
    if (!(await PostgresHistorySql.exists(url))) throw new HistoryNotFoundError({ ...from, message: `no run history in the PostgreSQL database ${displayUrl(url)}; check the URL, or run proofline schedule first` });
    return HistoryStore.over(await PostgresHistorySql.open(url), key());
  }

  /** Where the history is: its file, or its database URL without the password. */
  get location(): string {
    return this.sql.location;
  }

  /**
   * A history without a key id is new, or predates the keyed chain: key it now. An unkeyed history is
   * re-keyed only after its SHA-256 chain was checked, and the check's outcome is kept as a migration
   * note that verify reports for ever: re-keying must not launder an edited history.
   */
  private keyChain(fromVersion: number): Promise<void> {
    return this.sql.transaction(async (tx) => {
      if ((await meta(tx, 'key_id')) !== undefined) return;
      const entries = await allRuns(tx);
      if (entries.length) {
        const note: RekeyNote = rekeyNote(entries, fromVersion, new Date().toISOString());
        let previousMac: string | undefined;
        for (const e of entries) {
          const mac = entryMac(this.key, e, previousMac);
          await tx.run('UPDATE runs SET entry_mac = ?, pruned_mac = ? WHERE seq = ?', [mac, e.prunedAt ? prunedMac(this.key, { id: e.id, entryMac: mac }, e.prunedAt) : null, e.seq]);
          previousMac = mac;
        }
        await this.setHead(tx, entries.at(-1)!.seq, previousMac!);
        await setMeta(tx, 'migration', stableStringify(note));
      }
      await setMeta(tx, 'key_id', historyKeyId(this.key));
    });
  }

  private async setHead(tx: HistoryStatements, seq: number, lastEntryMac: string): Promise<void> {
    await setMeta(tx, 'head', stableStringify({ seq, entryMac: lastEntryMac, mac: headMac(this.key, seq, lastEntryMac) }));
  }

  /** What the keyed chain's checks need beyond the rows: key ids, the keyed head, the migration note. */
  async chainState(): Promise<ChainState> {
    const [storedKeyId, head, migration] = [await meta(this.sql, 'key_id'), await meta(this.sql, 'head'), await meta(this.sql, 'migration')];
    return {
      keyId: historyKeyId(this.key),
      ...(storedKeyId !== undefined ? { storedKeyId } : {}),
      ...(head ? { head: JSON.parse(head) as ChainState['head'] } : {}),
      ...(migration ? { migration: JSON.parse(migration) as RekeyNote } : {}),
    };
  }

  private async assertOwnKey(tx: HistoryStatements): Promise<void> {
    const stored = await meta(tx, 'key_id');
    if (stored !== historyKeyId(this.key)) throw new HistoryKeyError({ file: this.location, message: `the history is keyed with key id ${stored}, this installation's history key is ${historyKeyId(this.key)}: nothing is recorded (copy the history.key file of the installation that keeps this history)` });
  }

  /** Whether the stored results row of a run exists (its digest is in the run's keyed entry). */
  async hasResults(id: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 FROM run_results WHERE run_id = ?', [id])) !== undefined;
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  /** The manifest digest the next package must name as its predecessor. */
  previousManifestDigest(): Promise<string | undefined> {
    return previousManifest(this.sql);
  }

  async recordRun(input: RecordRunInput): Promise<HistoryEntry> {
    if (input.results && input.resultsFile) throw new Error(`run ${input.id}: results given twice (in memory and as a file)`);
    // Read and compressed before the transaction, which then only writes.
    const stored = input.results ? storedResults(input.results) : input.resultsFile ? await storedResultsFile(input.resultsFile) : undefined;
    return this.sql.transaction(async (tx) => {
      await this.assertOwnKey(tx);
      const last = await tx.get<{ seq: number; entry_sha256: string; entry_mac: string | null }>('SELECT seq, entry_sha256, entry_mac FROM runs ORDER BY seq DESC LIMIT 1');
      const previousManifestSha256 = input.status === 'succeeded' ? await previousManifest(tx) : undefined;
      const base: Omit<HistoryEntry, 'entrySha256'> = {
        seq: (last?.seq ?? 0) + 1,
        id: input.id,
        startedAt: input.startedAt,
        finishedAt: input.finishedAt,
        status: input.status,
        ...(input.error !== undefined ? { error: input.error } : {}),
        ...(input.packagePath !== undefined ? { packagePath: input.packagePath } : {}),
        ...(input.manifestSha256 !== undefined ? { manifestSha256: input.manifestSha256 } : {}),
        ...(previousManifestSha256 ? { previousManifestSha256 } : {}),
        ...(stored ? { resultsSha256: stored.sha256, summary: JSON.parse(stableStringify(stored.summary)) } : {}),
        ...(last ? { previousEntrySha256: last.entry_sha256 } : {}),
      };
      const entrySha256 = entryDigest(base);
      const entry: HistoryEntry = { ...base, entrySha256, entryMac: entryMac(this.key, { seq: base.seq, entrySha256 }, last?.entry_mac ?? undefined) };
      await tx.run(
        `INSERT INTO runs (seq, id, started_at, finished_at, status, error, package_path, manifest_sha256, previous_manifest_sha256, results_sha256, summary_json, previous_entry_sha256, entry_sha256, entry_mac)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [entry.seq, entry.id, entry.startedAt, entry.finishedAt, entry.status, entry.error ?? null, entry.packagePath ?? null, entry.manifestSha256 ?? null, entry.previousManifestSha256 ?? null, entry.resultsSha256 ?? null, entry.summary === undefined ? null : stableStringify(entry.summary), entry.previousEntrySha256 ?? null, entry.entrySha256, entry.entryMac],
      );
      if (stored) await tx.run('INSERT INTO run_results (run_id, results_gzip) VALUES (?, ?)', [input.id, stored.gzip]);
      await this.setHead(tx, entry.seq, entry.entryMac!);
      return entry;
    });
  }

  /** Runs in chain order, optionally those started within [from, to] (ISO strings compare as times). */
  async runs(filter: { from?: string; to?: string; status?: RunOutcome } = {}): Promise<HistoryEntry[]> {
    return (await allRuns(this.sql)).filter((e) => (!filter.from || e.startedAt >= filter.from) && (!filter.to || e.startedAt <= filter.to) && (!filter.status || e.status === filter.status));
  }

  /** A run by id, id prefix, sequence number or "latest" (the latest run with stored results). */
  async run(ref: string): Promise<HistoryEntry | undefined> {
    let row: Row | undefined;
    // "latest" is the latest run that has results to read: a failed or abandoned run after it has none.
    if (ref === 'latest') row = await this.sql.get<Row>(`SELECT * FROM runs WHERE status = 'succeeded' AND id IN (SELECT run_id FROM run_results) ORDER BY seq DESC LIMIT 1`);
    else if (/^\d+$/.test(ref)) row = await this.sql.get<Row>('SELECT * FROM runs WHERE seq = ?', [Number(ref)]);
    else {
      const rows = await this.sql.all<Row>(`SELECT * FROM runs WHERE id LIKE ? ESCAPE '\\' LIMIT 2`, [`${ref.replace(/[%_\\]/g, '\\$&')}%`]);
      if (rows.length > 1) throw new Error(`run "${ref}" is ambiguous: give more of its id`);
      row = rows[0];
    }
    return row ? toEntry(row) : undefined;
  }

  /** The stored results of a run, checked against the digest recorded in its chain entry. */
  async results(id: string): Promise<RunResults | undefined> {
    const row = await this.sql.get<{ gz: Buffer; digest: string }>('SELECT r.results_gzip AS gz, s.results_sha256 AS digest FROM run_results r JOIN runs s ON s.id = r.run_id WHERE r.run_id = ?', [id]);
    return row ? readStoredResults(id, row.gz, row.digest) : undefined;
  }

  /** Retention: the package is gone, the chain entry (and the results, for period reports) stay. */
  markPruned(id: string, at: string): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await this.assertOwnKey(tx);
      const row = await tx.get<{ entry_mac: string | null }>('SELECT entry_mac FROM runs WHERE id = ?', [id]);
      if (!row?.entry_mac) throw new Error(`run ${id}: not in the keyed history`);
      await tx.run('UPDATE runs SET pruned_at = ?, pruned_mac = ? WHERE id = ?', [at, prunedMac(this.key, { id, entryMac: row.entry_mac }, at), id]);
    });
  }

  /** The call rates earlier runs learned (operation-rates.ts: kept here, outside the keyed chain). */
  learnedRates(): Promise<LearnedRate[]> {
    return readLearnedRates(this.sql);
  }

  saveLearnedRates(rates: readonly LearnedRate[]): Promise<void> {
    return writeLearnedRates(this.sql, rates);
  }
}
