// Results of two runs compared as an auditor would: everything but the run's id and the times
// (run start and end, the collection window, each record's collection time, and the record digests
// that cover those times).
import type { RunResults } from '../../src/results/run-results.ts';

export function comparable(results: RunResults): unknown {
  const copy = JSON.parse(JSON.stringify(results)) as { run: Record<string, unknown>; evidence: Record<string, unknown>[] };
  delete copy.run.id;
  delete copy.run.startedAt;
  delete copy.run.finishedAt;
  delete copy.run.collectionWindow;
  for (const e of copy.evidence) {
    delete e.collectedAt;
    delete e.sha256;
  }
  return copy;
}
