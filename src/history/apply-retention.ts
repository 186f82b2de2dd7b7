// Deletes the packages retention selected and marks them pruned; the chain entry stays. Only folders
// inside the packages folder are deleted: a path in the history that points elsewhere (an edited
// database) is refused before anything is removed.
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ObservationWindow, RetentionConfig } from '../config/operations-config.ts';
import { confinedPath, PathEscapeError } from '../util/confined-path.ts';
import type { HistoryEntry } from './history-entry.ts';
import type { HistoryStore } from './history-store.ts';
import { selectRunsToPrune } from './retention.ts';

export async function applyRetention(store: HistoryStore, retention: RetentionConfig | undefined, windows: readonly ObservationWindow[], now: Date, packagesDir: string): Promise<HistoryEntry[]> {
  const prune = selectRunsToPrune(await store.runs(), retention, windows, now);
  const paths = prune.map((e) => {
    const path = confinedPath(packagesDir, basename(e.packagePath!));
    if (path !== confinedPath(e.packagePath!)) throw new PathEscapeError({ file: `history run ${e.id}`, message: `package ${e.packagePath} is not in ${packagesDir}; retention deletes nothing outside it` });
    return path;
  });
  for (const [i, e] of prune.entries()) {
    await rm(paths[i], { recursive: true, force: true });
    await store.markPruned(e.id, now.toISOString());
  }
  return prune;
}
