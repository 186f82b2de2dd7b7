// Which packages retention may delete: beyond keepRuns newest, or older than keepDays, and never a
// run inside an observation window that is still open (its end has not passed).
import type { ObservationWindow, RetentionConfig } from '../config/operations-config.ts';
import type { HistoryEntry } from './history-entry.ts';

const DAY_MS = 86_400_000;

function windowEnd(w: ObservationWindow): number {
  return Date.parse(`${w.to}T00:00:00Z`) + DAY_MS; // "to" is inclusive: the whole day
}

export function isOpenWindow(w: ObservationWindow, now: Date): boolean {
  return windowEnd(w) > now.getTime();
}

export function inOpenWindow(startedAt: string, windows: readonly ObservationWindow[], now: Date): ObservationWindow | undefined {
  const t = Date.parse(startedAt);
  return windows.find((w) => isOpenWindow(w, now) && t >= Date.parse(`${w.from}T00:00:00Z`) && t < windowEnd(w));
}

export function selectRunsToPrune(entries: readonly HistoryEntry[], retention: RetentionConfig | undefined, windows: readonly ObservationWindow[], now: Date): HistoryEntry[] {
  if (!retention || (retention.keepRuns === undefined && retention.keepDays === undefined)) return [];
  const withPackages = entries.filter((e) => e.packagePath && !e.prunedAt).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return withPackages.filter((e, index) => {
    const beyondCount = retention.keepRuns !== undefined && index >= retention.keepRuns;
    const tooOld = retention.keepDays !== undefined && now.getTime() - Date.parse(e.startedAt) > retention.keepDays * DAY_MS;
    return (beyondCount || tooOld) && !inOpenWindow(e.startedAt, windows, now);
  });
}
