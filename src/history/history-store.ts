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
import { entryMac, prunedMac } from './history-mac.ts';
import { readMeta, writeHead } from './history-meta.ts';
import { allRuns, insertRun, previousManifest, toEntry, type RunRow } from './history-rows.ts';
import type { HistorySql, HistoryStatements } from './history-sql.ts';
import { PostgresHistorySql } from './postgres-history-sql.ts';
import { readLearnedRates, writeLearnedRates } from './operation-rates.ts';
import { keyHistory, type ChainState, type RekeyNote } from './rekey-history.ts';
import { SqliteHistorySql } from './sqlite-history-sql.ts';
import { readStoredResults, storedResults, storedResultsFile, type ResultsFile } from './stored-results.ts';

export const HISTORY_FILE = 'history.sqlite';

/** What a run tells the store; the chain fields (previous digests, entry digest) are the store's to compute. */
export type RecordRunInput = Pick<HistoryEntry, 'id' | 'startedAt' | 'finishedAt' | 'status' | 'error' | 'packagePath' | 'manifestSha256'> & {
  /** The results to keep: held in memory, or the package's results.json (read from the file). */
  results?: RunResults;
  resultsFile?: ResultsFile;
};

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
      await sql.transaction((tx) => keyHistory(tx, key, sql.openedAtVersion));
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

  /** What the keyed chain's checks need beyond the rows: key ids, the keyed head, the migration note. */
  async chainState(): Promise<ChainState> {
    const [storedKeyId, head, migration] = [await readMeta(this.sql, 'key_id'), await readMeta(this.sql, 'head'), await readMeta(this.sql, 'migration')];
    return {
      keyId: historyKeyId(this.key),
      ...(storedKeyId !== undefined ? { storedKeyId } : {}),
      ...(head ? { head: JSON.parse(head) as ChainState['head'] } : {}),
      ...(migration ? { migration: JSON.parse(migration) as RekeyNote } : {}),
    };
  }

  private async assertOwnKey(tx: HistoryStatements): Promise<void> {
    const stored = await readMeta(tx, 'key_id');
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
      await insertRun(tx, entry);
      if (stored) await tx.run('INSERT INTO run_results (run_id, results_gzip) VALUES (?, ?)', [input.id, stored.gzip]);
      await writeHead(tx, this.key, entry.seq, entry.entryMac!);
      return entry;
    });
  }

  /** Runs in chain order, optionally those started within [from, to] (ISO strings compare as times). */
  async runs(filter: { from?: string; to?: string; status?: RunOutcome } = {}): Promise<HistoryEntry[]> {
    return (await allRuns(this.sql)).filter((e) => (!filter.from || e.startedAt >= filter.from) && (!filter.to || e.startedAt <= filter.to) && (!filter.status || e.status === filter.status));
  }

  /** A run by id, id prefix, sequence number or "latest" (the latest run with stored results). */
  async run(ref: string): Promise<HistoryEntry | undefined> {
    let row: RunRow | undefined;
    // "latest" is the latest run that has results to read: a failed or abandoned run after it has none.
    if (ref === 'latest') row = await this.sql.get<RunRow>(`SELECT * FROM runs WHERE status = 'succeeded' AND id IN (SELECT run_id FROM run_results) ORDER BY seq DESC LIMIT 1`);
    else if (/^\d+$/.test(ref)) row = await this.sql.get<RunRow>('SELECT * FROM runs WHERE seq = ?', [Number(ref)]);
    else {
      const rows = await this.sql.all<RunRow>(`SELECT * FROM runs WHERE id LIKE ? ESCAPE '\\' LIMIT 2`, [`${ref.replace(/[%_\\]/g, '\\$&')}%`]);
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
