// Where a scheduled run's tracker carries the team's columns from: the config's trackerFile when set
// (read with the run's other inputs), otherwise the previous run's control-gaps.xlsx in its package.
// A previous workbook that cannot be read does not stop the run: the Summary sheet says nothing was
// carried and why, and the history still gives the previous run's open findings for Resolved.
import { join } from 'node:path';
import { readTracker, type PreviousTracker } from '../render/tracker/read-tracker.ts';
import type { TrackerInputs } from '../render/tracker/carry-over.ts';
import type { PreviousRun } from './previous-run.ts';

export const TRACKER_FILE_IN_PACKAGE = 'control-gaps.xlsx';

export async function trackerInputs(configured: PreviousTracker | undefined, previous: PreviousRun | undefined): Promise<TrackerInputs> {
  const previousFindings = previous ? { previousFindings: { open: previous.open, controls: previous.controls } } : {};
  if (configured) return { previous: configured, ...previousFindings };
  const packagePath = previous && !previous.entry.prunedAt ? previous.entry.packagePath : undefined;
  if (!packagePath) return { ...previousFindings, ...(previous ? { note: `the previous run ${previous.entry.id} has no package left to read` } : {}) };
  try {
    return { previous: await readTracker(join(packagePath, TRACKER_FILE_IN_PACKAGE)), ...previousFindings };
  } catch (err) {
    return { ...previousFindings, note: (err as Error).message };
  }
}
