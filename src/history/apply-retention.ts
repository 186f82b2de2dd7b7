// Deletes the packages retention selected and marks them pruned; the chain entry stays.
import { rm } from 'node:fs/promises';
import type { ObservationWindow, RetentionConfig } from '../config/operations-config.ts';
import type { HistoryEntry } from './history-entry.ts';
import type { HistoryStore } from './history-store.ts';
import { selectRunsToPrune } from './retention.ts';

export async function applyRetention(store: HistoryStore, retention: RetentionConfig | undefined, windows: readonly ObservationWindow[], now: Date): Promise<HistoryEntry[]> {
  const prune = selectRunsToPrune(store.runs(), retention, windows, now);
  for (const e of prune) {
    await rm(e.packagePath!, { recursive: true, force: true });
    store.markPruned(e.id, now.toISOString());
  }
  return prune;
}
