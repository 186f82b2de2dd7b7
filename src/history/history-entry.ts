// One run in the history and the digest that chains it to the run before it.
import { sha256Hex } from '../util/sha256.ts';
import { stableStringify } from '../util/stable-json.ts';

export type RunOutcome = 'succeeded' | 'failed';

export interface HistoryEntry {
  seq: number;
  id: string;
  startedAt: string;
  finishedAt: string;
  status: RunOutcome;
  error?: string;
  packagePath?: string;
  /** SHA-256 of the package's manifest.json. */
  manifestSha256?: string;
  /** The manifest digest of the latest succeeded run before this one: the package hash chain. */
  previousManifestSha256?: string;
  /** SHA-256 of the stored results (gzip-independent: of the canonical JSON). */
  resultsSha256?: string;
  summary?: unknown;
  /** entrySha256 of the row before: the history hash chain (covers failed runs too). */
  previousEntrySha256?: string;
  entrySha256: string;
  /** HMAC-SHA256 under the installation's history key over entrySha256 and the previous entry's MAC. */
  entryMac?: string;
  prunedAt?: string;
  /** HMAC over the pruning (entry MAC and prunedAt): retention's keyed record that the package went. */
  prunedMac?: string;
}

/** Digest over every field that must never change after the run was recorded. */
export function entryDigest(e: Omit<HistoryEntry, 'entrySha256' | 'entryMac' | 'prunedAt' | 'prunedMac'>): string {
  return sha256Hex(
    stableStringify({
      seq: e.seq,
      id: e.id,
      startedAt: e.startedAt,
      finishedAt: e.finishedAt,
      status: e.status,
      error: e.error ?? null,
      packagePath: e.packagePath ?? null,
      manifestSha256: e.manifestSha256 ?? null,
      previousManifestSha256: e.previousManifestSha256 ?? null,
      resultsSha256: e.resultsSha256 ?? null,
      summary: e.summary ?? null,
      previousEntrySha256: e.previousEntrySha256 ?? null,
    }),
  );
}
