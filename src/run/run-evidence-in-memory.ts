// A run whose findings, evidence entries and records are read back into memory (arrays) and whose spool
// is removed: for callers that hold a small run whole (tests, benchmarks, comparisons of two runs).
import { sealRecord, type EvidenceRecord, type EvidenceRecordBody } from '../collect/evidence-record.ts';
import type { RunResults } from '../results/run-results.ts';
import { runEvidence, type RunEvidenceOptions } from './run-evidence.ts';

export async function runEvidenceInMemory(opts: RunEvidenceOptions): Promise<{ results: RunResults; records: EvidenceRecord[] }> {
  const run = await runEvidence(opts);
  try {
    const results: RunResults = { ...run.results, findings: [...run.results.findings], evidence: [...run.results.evidence] };
    const records = [...run.records].map(({ entry, text }) => {
      const record = sealRecord(JSON.parse(text) as EvidenceRecordBody);
      // The stored text is what was sealed: the same bytes give the same digest.
      if (record.sha256 !== entry.sha256) throw new Error(`run: record ${entry.id} read back from the spool does not match its digest`);
      return record;
    });
    return { results, records };
  } finally {
    await run.dispose();
  }
}
