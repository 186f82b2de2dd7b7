// The run a scheduled run compares itself with: the latest succeeded run whose results the history
// keeps. Only what the comparison needs is kept (its metadata, controls and open findings), so a run of
// 100k findings does not hold the previous run's whole results while it renders its own.
import type { ControlEntry, ResultFinding, RunMetadata } from '../results/run-results.ts';
import type { HistoryEntry } from './history-entry.ts';
import type { HistoryStore } from './history-store.ts';

export interface PreviousRun {
  entry: HistoryEntry;
  run: RunMetadata;
  controls: ControlEntry[];
  /** Its failing and unknown findings: the ones a tracker and Security Hub were told about. */
  open: ResultFinding[];
}

export function isOpenFinding(f: Pick<ResultFinding, 'status'>): boolean {
  return f.status === 'fail' || f.status === 'unknown';
}

/** Reads are awaited so that an asynchronous history backend fits the same call. */
export type HistoryReads = Pick<HistoryStore, 'run' | 'runs' | 'results'>;

export async function previousRun(store: HistoryReads): Promise<PreviousRun | undefined> {
  const entry = await store.run('latest');
  if (!entry) return undefined;
  const results = await store.results(entry.id);
  if (!results) return undefined;
  return { entry, run: results.run, controls: results.controls, open: results.findings.filter(isOpenFinding) };
}
