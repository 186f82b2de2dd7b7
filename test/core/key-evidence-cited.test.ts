// A customer-managed-key finding is decided by KMS evidence (ListAliases / DescribeKey): the finding
// must cite those records, so an auditor can follow it to what showed who manages the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotSource } from '../../src/collect/source.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import type { RunResults } from '../../src/results/run-results.ts';

let results: RunResults;
let keyOf: Map<string, string>;

beforeAll(async () => {
  const project = await loadProjectCatalog();
  const source = await snapshotSource('samples/sample-account');
  const run = await runEvidenceInMemory({ ...project, source, config: parseConfig({}, 'test'), evaluatedAt: new Date('2026-11-20T02:00:00Z') });
  results = run.results;
  keyOf = new Map(run.records.map((r) => [r.id, r.key]));
});

describe('findings decided by KMS evidence cite it', () => {
  it('every pass or fail that names a customer-managed key or an AWS managed key cites a kms record', () => {
    const decided = results.findings.filter((f) => (f.status === 'pass' || f.status === 'fail') && /uses (customer-managed key|key \S+, which is)/.test(f.reason));
    expect(decided.length).toBeGreaterThan(5);
    for (const f of decided) {
      const keys = f.evidence.map((id) => keyOf.get(id));
      expect(keys, `${f.controlId} ${f.resource.id}: ${f.reason}`).toContain('kms.DescribeKey');
    }
  });
});
