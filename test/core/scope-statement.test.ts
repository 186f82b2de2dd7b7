// The scope statement: services examined come from the evidence the run holds; every control the
// "not examined" list relies on exists in the catalog, so the limited requirements are never silently empty.
import { describe, expect, it } from 'vitest';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { NOT_EXAMINED } from '../../src/results/not-examined.ts';
import { buildScopeStatement } from '../../src/results/scope-statement.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { RunTally } from '../../src/results/run-tally.ts';

describe('scope statement', () => {
  it('names only catalog controls as the checks a service not examined would need', async () => {
    const { catalog } = await loadProjectCatalog();
    const ids = new Set(catalog.controls.map((c) => c.id));
    expect(NOT_EXAMINED.flatMap((s) => s.analogues).filter((id) => !ids.has(id))).toEqual([]);
    const scope = buildScopeStatement(catalog, new RunTally(), ['gdpr', 'hipaa', 'soc2']);
    for (const s of scope.notExamined) expect([s.service, s.limits.length > 0]).toEqual([s.service, true]);
  });

  it('derives the services examined from the records, and the collection window from their times', () => {
    const rec = (service: string, operation: string, collectedAt: string) => ({ service, operation, collectedAt }) as EvidenceRecord;
    const records = [rec('s3', 'ListBuckets', '2026-11-20T02:00:05.000Z'), rec('sagemaker', 'ListNotebookInstances', '2026-11-20T02:00:01.000Z'), rec('s3', 'GetBucketEncryption', '2026-11-20T02:00:09.000Z')];
    expect(buildScopeStatement({ controls: [] }, RunTally.of(records, []), ['gdpr', 'hipaa', 'soc2']).examined).toEqual([
      { service: 's3', operations: ['GetBucketEncryption', 'ListBuckets'] },
      { service: 'sagemaker', operations: ['ListNotebookInstances'] },
    ]);
    expect(RunTally.of(records, []).window).toEqual({ from: '2026-11-20T02:00:01.000Z', to: '2026-11-20T02:00:09.000Z' });
    expect(new RunTally().window).toBeUndefined();
  });
});
