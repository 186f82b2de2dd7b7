// First seen: for each failing or unknown finding of a run, the start of the unbroken series of runs
// (in the run history, up to this one) in which it was failing or unknown. A run carries the value in
// results.json (findings[].firstSeen), so the next run needs only the previous run's results; results
// recorded before the field existed are walked back run by run until each series is settled.
import type { IterableResults, ResultFinding } from '../results/run-results.ts';
import type { Rows } from '../util/json-rows.ts';
import { isOpenFinding, type HistoryReads, type PreviousRun } from './previous-run.ts';

/**
 * Sets firstSeen on the run's open findings (this run's start when the history has nothing earlier).
 * Findings held in an array are marked in place; findings read from a file (a run's spool) come back as
 * rows that carry the mark as they are read, so the run is never held whole for it.
 */
export async function markFirstSeen<R extends Pick<IterableResults, 'run' | 'findings'>>(results: R, store: HistoryReads, previous: PreviousRun | undefined): Promise<R> {
  const pending = new Map<string, string>();
  for (const f of results.findings) if (isOpenFinding(f)) pending.set(f.id, results.run.startedAt);
  if (previous) await walkBack(store, previous, pending);
  const mark = (f: ResultFinding) => (isOpenFinding(f) ? Object.assign(f, { firstSeen: pending.get(f.id) ?? results.run.startedAt }) : f);
  if (Array.isArray(results.findings)) {
    for (const f of results.findings as ResultFinding[]) mark(f);
    return results;
  }
  const rows = results.findings;
  const marked: Rows<ResultFinding> = {
    length: rows.length,
    *[Symbol.iterator]() {
      for (const f of rows) yield mark(f);
    },
  };
  return { ...results, findings: marked };
}

/** pending: finding id -> earliest start seen so far; settled ids are removed from `unsettled`. */
async function walkBack(store: HistoryReads, previous: PreviousRun, pending: Map<string, string>): Promise<void> {
  const unsettled = new Set(pending.keys());
  const settle = (run: { startedAt: string }, findings: readonly ResultFinding[]) => {
    const open = new Map(findings.filter(isOpenFinding).map((f) => [f.id, f]));
    for (const id of [...unsettled]) {
      const f = open.get(id);
      if (!f) unsettled.delete(id); // the series starts after this run
      else if (f.firstSeen) {
        pending.set(id, f.firstSeen);
        unsettled.delete(id);
      } else pending.set(id, run.startedAt);
    }
  };
  settle(previous.run, previous.open);
  if (!unsettled.size) return;
  // Older results without firstSeen: walk back through succeeded runs, newest first.
  const earlier = (await store.runs({ status: 'succeeded' })).filter((e) => e.seq < previous.entry.seq).reverse();
  for (const entry of earlier) {
    const results = await store.results(entry.id);
    if (!results) break; // a gap in the stored results ends every series here
    settle(results.run, results.findings);
    if (!unsettled.size) return;
  }
}
