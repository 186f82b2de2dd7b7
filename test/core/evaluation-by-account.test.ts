// Evaluating each account alone gives the findings of evaluating the whole run: no rule reads evidence
// of an account other than the one it judges. What a run that evaluates each account as its collection
// ends (and then lets its records go) relies on (docs/performance.md, "a per-account pipeline").
// Three accounts: the sample; a copy without its S3, KMS and CloudTrail evidence (so its rules see
// missing evidence); and an unchanged copy.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { applyExceptions } from '../../src/exceptions/apply-exceptions.ts';
import type { RiskException } from '../../src/exceptions/exceptions-schema.ts';
import { mapRequirements } from '../../src/map/map-requirements.ts';
import { writeResultsJson } from '../../src/render/results-json.ts';
import { buildResults } from '../../src/results/build-results.ts';
import { collectEvidence } from '../../src/run/collect-evidence.ts';
import { runEvidence } from '../../src/run/run-evidence.ts';
import { recordId, sealRecord, unsealRecord, type EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { snapshotSource } from '../../src/collect/source.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProoflineConfig } from '../../src/config/config-schema.ts';
import { evaluateControls, type Evaluation } from '../../src/evaluate/evaluate-controls.ts';
import { loadProjectCatalog, type ProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';

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
  const params = { now: AT, allowedRegions: config.allowedRegions, accessKeyMaxAgeDays: config.accessKeyMaxAgeDays, logRetentionMinDays: config.logRetentionMinDays, bedrockExpectedInvocations: config.bedrockExpectedInvocations };
  return evaluateControls(project.catalog.controls, project.rules, subset, { accounts, regions: REGIONS }, params);
}

/** One account evaluated with its own records and nothing else in scope. */
function evaluateAlone(account: string): Evaluation {
  return evaluate(records.filter((r) => r.account === account), [account]);
}

beforeAll(async () => {
  project = await loadProjectCatalog();
  const sampleConfig = await loadConfig('samples/sample-account.config.yaml');
  // The copies' own Bedrock roles are expected too: each copy is the sample under another account id.
  const expected = sampleConfig.bedrockExpectedInvocations!;
  config = { ...sampleConfig, bedrockExpectedInvocations: { ...expected, principals: [SAMPLE_ACCOUNT, WITHOUT_SOME_SERVICES, UNCHANGED_COPY].flatMap((a) => expected.principals!.map((p) => p.replace(SAMPLE_ACCOUNT, a))) } };
  const sample = (await runEvidenceInMemory({ ...project, source: await snapshotSource('samples/sample-account'), config, evaluatedAt: AT })).records;
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

describe('a run that stores each account as its collection ends (run/run-spool.ts)', () => {
  it('writes the results.json a whole-run evaluation writes: order, counts, accepted risks, scope', async () => {
    const accounts = [SAMPLE_ACCOUNT, WITHOUT_SOME_SERVICES, UNCHANGED_COPY];
    const dir = await mkdtemp(join(tmpdir(), 'proofline-by-account-'));
    try {
      await writeSnapshot(join(dir, 'snapshot'), records, { accounts, regions: REGIONS }, { createdAt: AT.toISOString() });
      const whole = evaluate(records, accounts);
      const failing = (account: string) => whole.findings.filter((f) => f.status === 'fail' && f.account === account);
      // One exception for a control's every resource (all three accounts), one for a resource of one
      // account, one expired: each annotated, counted and listed as a whole-run application gives.
      const [a, b] = [failing(WITHOUT_SOME_SERVICES)[0], failing(UNCHANGED_COPY)[3]];
      const exception = (id: string, f: typeof a, resource: string, expiresOn: string): RiskException => ({ id, controlId: f.controlId, resource, justification: 'accepted for the test', approver: 'CISO', approvedOn: '2026-01-01', expiresOn });
      const exceptions = [exception('EXC-1', a, '*', '2027-01-01'), exception('EXC-2', b, b.resource.id, '2027-01-01'), exception('EXC-3', failing(SAMPLE_ACCOUNT)[5], '*', '2026-02-01')];
      const handed: string[] = [];
      const run = await runEvidence({
        ...project,
        source: await snapshotSource(join(dir, 'snapshot')),
        config,
        evaluatedAt: AT,
        exceptions,
        workDir: dir,
        // Evidence missing from a replay is recorded as an error stamped now: one clock for both runs.
        now: () => AT,
        collect: (o) => collectEvidence({ ...o, onAccountCollected: (account, recs) => (handed.push(account), o.onAccountCollected!(account, recs)) }),
      });
      expect(handed.sort()).toEqual([...accounts].sort());
      const spooled = join(dir, 'spooled.json');
      await writeResultsJson(spooled, run.results);

      // The whole run, from the same replay's records held at once (as the run did before it stored accounts).
      const replayed = await collectEvidence({ ...project, source: await snapshotSource(join(dir, 'snapshot')), now: () => AT });
      const wholeReplay = evaluate(replayed, accounts);
      const requirements = mapRequirements(project.catalog, wholeReplay.controls, config.frameworks);
      const inMemory = applyExceptions(buildResults(run.results.run, project.catalog, wholeReplay, requirements, replayed), exceptions, AT);
      const expected = join(dir, 'whole.json');
      await writeResultsJson(expected, inMemory);
      expect(inMemory.summary.acceptedRisk).toBeGreaterThan(1);
      expect((await readFile(spooled, 'utf8')).length).toBeGreaterThan(100_000);
      expect(await readFile(spooled, 'utf8')).toBe(await readFile(expected, 'utf8'));
      // The records as a snapshot stores them, in results.json's evidence order.
      expect([...run.records].map((r) => r.entry.id)).toEqual(inMemory.evidence.map((e) => e.id));
      const spool = (await readdir(dir)).filter((n) => n.startsWith('.proofline-run-'));
      expect(spool).toHaveLength(1);
      await run.dispose();
      expect((await readdir(dir)).filter((n) => n.startsWith('.proofline-run-'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
