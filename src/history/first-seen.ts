// First seen: for each failing or unknown finding of a run, the start of the unbroken series of runs
// (in the run history, up to this one) in which it was failing or unknown. A run carries the value in
// results.json (findings[].firstSeen), so the next run needs only the previous run's results; results
// recorded before the field existed are walked back run by run until each series is settled.
import type { ResultFinding, RunResults } from '../results/run-results.ts';
import { isOpenFinding, type HistoryReads, type PreviousRun } from './previous-run.ts';

/** Sets firstSeen on the run's open findings (this run's start when the history has nothing earlier). */
export async function markFirstSeen(results: RunResults, store: HistoryReads, previous: PreviousRun | undefined): Promise<void> {
  const open = results.findings.filter(isOpenFinding);
  const pending = new Map(open.map((f) => [f.id, results.run.startedAt]));
  if (previous) await walkBack(store, previous, pending);
  for (const f of open) f.firstSeen = pending.get(f.id) ?? results.run.startedAt;
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
