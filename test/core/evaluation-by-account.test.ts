// Evaluating each account alone gives the findings of evaluating the whole run: no rule reads evidence
// of an account other than the one it judges. What a run that evaluates each account as its collection
// ends (and then lets its records go) relies on (docs/performance.md, "a per-account pipeline").
// Three accounts: the sample; a copy without its S3, KMS and CloudTrail evidence (so its rules see
// missing evidence); and an unchanged copy.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordId, sealRecord, unsealRecord, type EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { snapshotSource } from '../../src/collect/source.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProoflineConfig } from '../../src/config/config-schema.ts';
import { evaluateControls, type Evaluation } from '../../src/evaluate/evaluate-controls.ts';
import { loadProjectCatalog, type ProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { runEvidence } from '../../src/run/run-evidence.ts';

const SAMPLE_ACCOUNT = '111122223333';
const WITHOUT_SOME_SERVICES = '444455556666';
const UNCHANGED_COPY = '777788889999';
const REGIONS = ['eu-west-1', 'us-east-1'];
const DROPPED_SERVICES = new Set(['s3', 'kms', 'cloudtrail']);
const AT = new Date('2026-11-20T02:00:00Z');

let project: ProjectCatalog;
let config: ProoflineConfig;
let records: EvidenceRecord[];

function asAccount(base: readonly EvidenceRecord[], account: string): EvidenceRecord[] {
  return base.map((r) => {
    const body = JSON.parse(JSON.stringify(unsealRecord(r)).replaceAll(SAMPLE_ACCOUNT, account));
    body.id = recordId(body);
    return sealRecord(body);
  });
}

function evaluate(subset: readonly EvidenceRecord[], accounts: string[]): Evaluation {
  const params = { now: AT, allowedRegions: config.allowedRegions, accessKeyMaxAgeDays: config.accessKeyMaxAgeDays, logRetentionMinDays: config.logRetentionMinDays };
  return evaluateControls(project.catalog.controls, project.rules, subset, { accounts, regions: REGIONS }, params);
}

beforeAll(async () => {
  project = await loadProjectCatalog();
  config = await loadConfig('samples/sample-account.config.yaml');
  const sample = (await runEvidence({ ...project, source: await snapshotSource('samples/sample-account'), config, evaluatedAt: AT })).records;
  records = [...sample, ...asAccount(sample, WITHOUT_SOME_SERVICES).filter((r) => !DROPPED_SERVICES.has(r.service)), ...asAccount(sample, UNCHANGED_COPY)];
}, 120_000);

describe('evaluating one account at a time', () => {
  it('gives every finding the whole run gives, and the same counts per control', () => {
    const accounts = [SAMPLE_ACCOUNT, WITHOUT_SOME_SERVICES, UNCHANGED_COPY];
    const whole = evaluate(records, accounts);
    const alone = accounts.map((account) => evaluate(records.filter((r) => r.account === account), [account]));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(alone.flatMap((e) => e.findings).sort(byId)).toEqual([...whole.findings].sort(byId));
    for (const control of whole.controls) {
      const counts = alone.map((e) => e.controls.find((c) => c.controlId === control.controlId)!.counts);
      const summed = Object.fromEntries(Object.keys(control.counts).map((k) => [k, counts.reduce((n, c) => n + c[k as keyof typeof c], 0)]));
      expect({ control: control.controlId, counts: summed }).toEqual({ control: control.controlId, counts: control.counts });
    }
  });

  it('sees the accounts differ where their evidence does (the comparison is not of three copies)', () => {
    const of = (account: string) => evaluate(records.filter((r) => r.account === account), [account]).findings.map((f) => `${f.controlId} ${f.status} ${f.reason}`.replaceAll(account, 'ACCOUNT')).sort();
    expect(of(UNCHANGED_COPY)).toEqual(of(SAMPLE_ACCOUNT));
    expect(of(WITHOUT_SOME_SERVICES)).not.toEqual(of(SAMPLE_ACCOUNT));
    const unknownWithout = evaluate(records.filter((r) => r.account === WITHOUT_SOME_SERVICES), [WITHOUT_SOME_SERVICES]).findings.filter((f) => f.status === 'unknown').length;
    const unknownSample = evaluate(records.filter((r) => r.account === SAMPLE_ACCOUNT), [SAMPLE_ACCOUNT]).findings.filter((f) => f.status === 'unknown').length;
    expect(unknownWithout).toBeGreaterThan(unknownSample);
  });
});
