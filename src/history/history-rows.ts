// The runs table: a HistoryEntry as a row and back, on either backend (history-sql.ts).
import { stableStringify } from '../util/stable-json.ts';
import type { HistoryEntry, RunOutcome } from './history-entry.ts';
import type { HistoryStatements } from './history-sql.ts';

export interface RunRow {
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

export function toEntry(r: RunRow): HistoryEntry {
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

/** A new run's row (not yet pruned). */
export async function insertRun(tx: HistoryStatements, entry: HistoryEntry): Promise<void> {
  await tx.run(
    `INSERT INTO runs (seq, id, started_at, finished_at, status, error, package_path, manifest_sha256, previous_manifest_sha256, results_sha256, summary_json, previous_entry_sha256, entry_sha256, entry_mac)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [entry.seq, entry.id, entry.startedAt, entry.finishedAt, entry.status, entry.error ?? null, entry.packagePath ?? null, entry.manifestSha256 ?? null, entry.previousManifestSha256 ?? null, entry.resultsSha256 ?? null, entry.summary === undefined ? null : stableStringify(entry.summary), entry.previousEntrySha256 ?? null, entry.entrySha256, entry.entryMac ?? null],
  );
}

export async function allRuns(db: HistoryStatements): Promise<HistoryEntry[]> {
  return (await db.all<RunRow>('SELECT * FROM runs ORDER BY seq')).map(toEntry);
}

/** The manifest digest of the latest succeeded run: the one the next package names as its predecessor. */
export async function previousManifest(db: HistoryStatements): Promise<string | undefined> {
  return (await db.get<{ manifest_sha256: string }>(`SELECT manifest_sha256 FROM runs WHERE status = 'succeeded' AND manifest_sha256 IS NOT NULL ORDER BY seq DESC LIMIT 1`))?.manifest_sha256;
}
