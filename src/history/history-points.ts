// Earlier runs for a package's History annex: the succeeded runs of the open observation window
// (or the last `limit` runs when no window is open), as counts only.
import type { ControlStatus, StatusCounts } from '../evaluate/control-status.ts';
import type { ObservationWindow } from '../config/operations-config.ts';
import type { HistoryStore } from './history-store.ts';
import { isOpenWindow } from './retention.ts';

export interface HistoryPoint {
  runId: string;
  startedAt: string;
  findings: StatusCounts;
  controls: Record<ControlStatus, number>;
}

export async function historyPoints(store: HistoryStore, windows: readonly ObservationWindow[], now: Date, limit = 30): Promise<HistoryPoint[]> {
  const open = windows.filter((w) => isOpenWindow(w, now)).sort((a, b) => a.from.localeCompare(b.from))[0];
  const runs = await store.runs({ status: 'succeeded', ...(open ? { from: `${open.from}T00:00:00.000Z` } : {}) });
  return runs
    .slice(open ? 0 : -limit)
    .filter((e) => e.summary)
    .map((e) => {
      const s = e.summary as { findings: StatusCounts; controls: Record<ControlStatus, number> };
      return { runId: e.id, startedAt: e.startedAt, findings: s.findings, controls: s.controls };
    });
}
