// The run history: one SQLite file under the data directory, no server. Each row is chained to the
// row before it (entrySha256), and each succeeded run names the previous run's manifest digest.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { RunResults } from '../results/run-results.ts';
import { InputError } from '../util/input-error.ts';
import { sha256Hex } from '../util/sha256.ts';
import { stableStringify } from '../util/stable-json.ts';
import { entryDigest, type HistoryEntry, type RunOutcome } from './history-entry.ts';
import { migrate } from './migrations.ts';

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
  pruned_at: string | null;
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
  if (r.pruned_at !== null) e.prunedAt = r.pruned_at;
  return e;
}

export class HistoryNotFoundError extends InputError {}

export class HistoryStore {
  readonly db: Database.Database;

  private constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  /** Opens (creating and migrating if needed) <dataDir>/history.sqlite, or an in-memory store for ':memory:'. */
  static open(dataDir: string): HistoryStore {
    return new HistoryStore(dataDir === ':memory:' ? ':memory:' : join(dataDir, HISTORY_FILE));
  }

  /**
   * Opens an existing history for reading commands (list, verify, diff, report): a mistyped dataDir
   * must not create an empty history that then verifies as "intact".
   */
  static openExisting(dataDir: string): HistoryStore {
    const file = join(dataDir, HISTORY_FILE);
    if (!existsSync(file)) throw new HistoryNotFoundError({ file, message: `no run history here (dataDir "${dataDir}"); check dataDir in the config, or run proofline schedule first` });
    return new HistoryStore(file);
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
      const last = this.db.prepare('SELECT seq, entry_sha256 FROM runs ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_sha256: string } | undefined;
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
      const entry: HistoryEntry = { ...base, entrySha256: entryDigest(base) };
      this.db
        .prepare(
          `INSERT INTO runs (seq, id, started_at, finished_at, status, error, package_path, manifest_sha256, previous_manifest_sha256, results_sha256, summary_json, previous_entry_sha256, entry_sha256)
           VALUES (@seq, @id, @startedAt, @finishedAt, @status, @error, @packagePath, @manifestSha256, @previousManifestSha256, @resultsSha256, @summaryJson, @previousEntrySha256, @entrySha256)`,
        )
        .run({
          error: null, packagePath: null, manifestSha256: null, previousManifestSha256: null, resultsSha256: null, previousEntrySha256: null,
          ...entry,
          summaryJson: entry.summary === undefined ? null : stableStringify(entry.summary),
        });
      if (resultsJson) this.db.prepare('INSERT INTO run_results (run_id, results_gzip) VALUES (?, ?)').run(input.id, gzipSync(resultsJson));
      return entry;
    })();
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
    this.db.prepare('UPDATE runs SET pruned_at = ? WHERE id = ?').run(at, id);
  }
}
