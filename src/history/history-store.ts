// The run history: one SQLite file under the data directory, no server. Each row is chained to the
// row before it (entrySha256) and keyed (entryMac, HMAC under the installation's history key, see
// history-mac.ts), and each succeeded run names the previous run's manifest digest.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { RunResults } from '../results/run-results.ts';
import { InputError } from '../util/input-error.ts';
import { sha256Hex } from '../util/sha256.ts';
import { stableStringify } from '../util/stable-json.ts';
import { entryDigest, type HistoryEntry, type RunOutcome } from './history-entry.ts';
import { HistoryKeyError, historyKeyId } from './history-key.ts';
import { entryMac, headMac, prunedMac } from './history-mac.ts';
import { migrate } from './migrations.ts';
import { rekeyNote, type ChainState, type RekeyNote } from './rekey-history.ts';

export const HISTORY_FILE = 'history.sqlite';

/** What a run tells the store; the chain fields (previous digests, entry digest) are the store's to compute. */
export type RecordRunInput = Pick<HistoryEntry, 'id' | 'startedAt' | 'finishedAt' | 'status' | 'error' | 'packagePath' | 'manifestSha256'> & { results?: RunResults };

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

export class HistoryNotFoundError extends InputError {}

export class HistoryStore {
  readonly db: Database.Database;

  private constructor(
    readonly file: string,
    /** The installation's history key (history-key.ts). */
    readonly key: Buffer,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    const from = this.db.pragma('user_version', { simple: true }) as number;
    migrate(this.db);
    this.keyChain(from);
  }

  /** Opens (creating and migrating if needed) <dataDir>/history.sqlite, or an in-memory store for ':memory:'. */
  static open(dataDir: string, key: Buffer): HistoryStore {
    return new HistoryStore(dataDir === ':memory:' ? ':memory:' : join(dataDir, HISTORY_FILE), key);
  }

  private meta(name: string): string | undefined {
    return (this.db.prepare('SELECT value FROM history_meta WHERE name = ?').get(name) as { value: string } | undefined)?.value;
  }

  private setMeta(name: string, value: string): void {
    this.db.prepare('INSERT INTO history_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  /**
   * A history without a key id is new, or predates the keyed chain: key it now. An unkeyed history is
   * re-keyed only after its SHA-256 chain was checked, and the check's outcome is kept as a migration
   * note that verify reports for ever: re-keying must not launder an edited history.
   */
  private keyChain(fromVersion: number): void {
    this.db
      .transaction(() => {
        if (this.meta('key_id') !== undefined) return;
        const entries = this.runs();
        if (entries.length) {
          const note: RekeyNote = rekeyNote(entries, fromVersion, new Date().toISOString());
          let previousMac: string | undefined;
          for (const e of entries) {
            const mac = entryMac(this.key, e, previousMac);
            this.db.prepare('UPDATE runs SET entry_mac = ?, pruned_mac = ? WHERE seq = ?').run(mac, e.prunedAt ? prunedMac(this.key, { id: e.id, entryMac: mac }, e.prunedAt) : null, e.seq);
            previousMac = mac;
          }
          this.setHead(entries.at(-1)!.seq, previousMac!);
          this.setMeta('migration', stableStringify(note));
        }
        this.setMeta('key_id', historyKeyId(this.key));
      })
      .immediate();
  }

  private setHead(seq: number, lastEntryMac: string): void {
    this.setMeta('head', stableStringify({ seq, entryMac: lastEntryMac, mac: headMac(this.key, seq, lastEntryMac) }));
  }

  /** What the keyed chain's checks need beyond the rows: key ids, the keyed head, the migration note. */
  chainState(): ChainState {
    const head = this.meta('head');
    const migration = this.meta('migration');
    return {
      keyId: historyKeyId(this.key),
      ...(this.meta('key_id') !== undefined ? { storedKeyId: this.meta('key_id') } : {}),
      ...(head ? { head: JSON.parse(head) as ChainState['head'] } : {}),
      ...(migration ? { migration: JSON.parse(migration) as RekeyNote } : {}),
    };
  }

  private assertOwnKey(): void {
    const stored = this.meta('key_id');
    if (stored !== historyKeyId(this.key)) throw new HistoryKeyError({ file: this.file, message: `the history is keyed with key id ${stored}, this installation's history key is ${historyKeyId(this.key)}: nothing is recorded (copy the history.key file of the installation that keeps this history)` });
  }

  /** Whether the stored results row of a run exists (its digest is in the run's keyed entry). */
  hasResults(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM run_results WHERE run_id = ?').get(id) !== undefined;
  }

  /**
   * Opens an existing history for reading commands (list, verify, diff, report): a mistyped dataDir
   * must not create an empty history that then verifies as "intact".
   */
  /** `key` is asked for only once the history is found (a typo in dataDir creates nothing, not even a key). */
  static openExisting(dataDir: string, key: () => Buffer): HistoryStore {
    const file = join(dataDir, HISTORY_FILE);
    if (!existsSync(file)) throw new HistoryNotFoundError({ file, message: `no run history here (dataDir "${dataDir}"); check dataDir in the config, or run proofline schedule first` });
    return new HistoryStore(file, key());
  }

  close(): void {
    this.db.close();
  }

  /** The manifest digest the next package must name as its predecessor. */
  previousManifestDigest(): string | undefined {
    const row = this.db.prepare(`SELECT manifest_sha256 FROM runs WHERE status = 'succeeded' AND manifest_sha256 IS NOT NULL ORDER BY seq DESC LIMIT 1`).get() as { manifest_sha256: string } | undefined;
    return row?.manifest_sha256;
  }

  recordRun(input: RecordRunInput): HistoryEntry {
    return this.db.transaction(() => {
      this.assertOwnKey();
      const last = this.db.prepare('SELECT seq, entry_sha256, entry_mac FROM runs ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_sha256: string; entry_mac: string | null } | undefined;
      const resultsJson = input.results ? stableStringify(input.results) : undefined;
      const base: Omit<HistoryEntry, 'entrySha256'> = {
        seq: (last?.seq ?? 0) + 1,
        id: input.id,
        startedAt: input.startedAt,
        finishedAt: input.finishedAt,
        status: input.status,
        ...(input.error !== undefined ? { error: input.error } : {}),
        ...(input.packagePath !== undefined ? { packagePath: input.packagePath } : {}),
        ...(input.manifestSha256 !== undefined ? { manifestSha256: input.manifestSha256 } : {}),
        ...(input.status === 'succeeded' && this.previousManifestDigest() ? { previousManifestSha256: this.previousManifestDigest() } : {}),
        ...(resultsJson ? { resultsSha256: sha256Hex(resultsJson), summary: JSON.parse(stableStringify(input.results!.summary)) } : {}),
        ...(last ? { previousEntrySha256: last.entry_sha256 } : {}),
      };
      const entrySha256 = entryDigest(base);
      const entry: HistoryEntry = { ...base, entrySha256, entryMac: entryMac(this.key, { seq: base.seq, entrySha256 }, last?.entry_mac ?? undefined) };
      this.db
        .prepare(
          `INSERT INTO runs (seq, id, started_at, finished_at, status, error, package_path, manifest_sha256, previous_manifest_sha256, results_sha256, summary_json, previous_entry_sha256, entry_sha256, entry_mac)
           VALUES (@seq, @id, @startedAt, @finishedAt, @status, @error, @packagePath, @manifestSha256, @previousManifestSha256, @resultsSha256, @summaryJson, @previousEntrySha256, @entrySha256, @entryMac)`,
        )
        .run({
          error: null, packagePath: null, manifestSha256: null, previousManifestSha256: null, resultsSha256: null, previousEntrySha256: null,
          ...entry,
          summaryJson: entry.summary === undefined ? null : stableStringify(entry.summary),
        });
      if (resultsJson) this.db.prepare('INSERT INTO run_results (run_id, results_gzip) VALUES (?, ?)').run(input.id, gzipSync(resultsJson));
      this.setHead(entry.seq, entry.entryMac!);
      return entry;
    }).immediate();
  }

  /** Runs in chain order, optionally those started within [from, to] (ISO strings compare as times). */
  runs(filter: { from?: string; to?: string; status?: RunOutcome } = {}): HistoryEntry[] {
    const rows = this.db.prepare('SELECT * FROM runs ORDER BY seq').all() as Row[];
    return rows
      .map(toEntry)
      .filter((e) => (!filter.from || e.startedAt >= filter.from) && (!filter.to || e.startedAt <= filter.to) && (!filter.status || e.status === filter.status));
  }

  /** A run by id, id prefix, sequence number or "latest" (the latest run with stored results). */
  run(ref: string): HistoryEntry | undefined {
    let row: Row | undefined;
    // "latest" is the latest run that has results to read: a failed or abandoned run after it has none.
    if (ref === 'latest') row = this.db.prepare(`SELECT * FROM runs WHERE status = 'succeeded' AND id IN (SELECT run_id FROM run_results) ORDER BY seq DESC LIMIT 1`).get() as Row | undefined;
    else if (/^\d+$/.test(ref)) row = this.db.prepare('SELECT * FROM runs WHERE seq = ?').get(Number(ref)) as Row | undefined;
    else {
      const rows = this.db.prepare(`SELECT * FROM runs WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2`).all(ref.replace(/[%_\\]/g, '\\$&')) as Row[];
      if (rows.length > 1) throw new Error(`run "${ref}" is ambiguous: give more of its id`);
      row = rows[0];
    }
    return row ? toEntry(row) : undefined;
  }

  /** The stored results of a run, checked against the digest recorded in its chain entry. */
  results(id: string): RunResults | undefined {
    const row = this.db.prepare('SELECT r.results_gzip AS gz, s.results_sha256 AS digest FROM run_results r JOIN runs s ON s.id = r.run_id WHERE r.run_id = ?').get(id) as { gz: Buffer; digest: string } | undefined;
    if (!row) return undefined;
    const json = gunzipSync(row.gz).toString('utf8');
    if (sha256Hex(json) !== row.digest) throw new Error(`stored results of run ${id} do not match their recorded digest`);
    return JSON.parse(json) as RunResults;
  }

  /** Retention: the package is gone, the chain entry (and the results, for period reports) stay. */
  markPruned(id: string, at: string): void {
    this.db
      .transaction(() => {
        this.assertOwnKey();
        const row = this.db.prepare('SELECT entry_mac FROM runs WHERE id = ?').get(id) as { entry_mac: string | null } | undefined;
        if (!row?.entry_mac) throw new Error(`run ${id}: not in the keyed history`);
        this.db.prepare('UPDATE runs SET pruned_at = ?, pruned_mac = ? WHERE id = ?').run(at, prunedMac(this.key, { id, entryMac: row.entry_mac }, at), id);
      })
      .immediate();
  }
}
