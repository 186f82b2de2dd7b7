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

/** One account evaluated with its own records and nothing else in scope. */
function evaluateAlone(account: string): Evaluation {
  return evaluate(records.filter((r) => r.account === account), [account]);
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
    const alone = accounts.map(evaluateAlone);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(alone.flatMap((e) => e.findings).sort(byId)).toEqual([...whole.findings].sort(byId));
    for (const control of whole.controls) {
      const counts = alone.map((e) => e.controls.find((c) => c.controlId === control.controlId)!.counts);
      const summed = Object.fromEntries(Object.keys(control.counts).map((k) => [k, counts.reduce((n, c) => n + c[k as keyof typeof c], 0)]));
      expect({ control: control.controlId, counts: summed }).toEqual({ control: control.controlId, counts: control.counts });
    }
  });

  it('sees the accounts differ where their evidence does (the comparison is not of three copies)', () => {
    const [sample, without, copy] = [SAMPLE_ACCOUNT, WITHOUT_SOME_SERVICES, UNCHANGED_COPY].map((account) => ({ account, findings: evaluateAlone(account).findings }));
    const judged = ({ account, findings }: typeof sample) => findings.map((f) => `${f.controlId} ${f.status} ${f.reason}`.replaceAll(account, 'ACCOUNT')).sort();
    const unknown = ({ findings }: typeof sample) => findings.filter((f) => f.status === 'unknown').length;
    expect(judged(copy)).toEqual(judged(sample));
    expect(judged(without)).not.toEqual(judged(sample));
    expect(unknown(without)).toBeGreaterThan(unknown(sample));
  });
});
