// Security Hub archiving with aws-sdk-client-mock: findings the previous run delivered that no longer
// fail or are unknown are imported again under the same Id, ARCHIVED (Compliance PASSED when they now
// pass), with this run's time; still-open findings stay ACTIVE; other accounts' findings are not sent.
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverRun } from '../../src/deliver/deliver-run.ts';
import { importToSecurityHub } from '../../src/deliver/security-hub.ts';
import type { ResultFinding, RunResults } from '../../src/results/run-results.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

const hub = mockClient(SecurityHubClient);
const sts = mockClient(STSClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const clientFor = (region: string) => new SecurityHubClient({ region, credentials });

const isOpen = (f: ResultFinding) => f.status === 'fail' || f.status === 'unknown';

/** Two runs of the same estate: in the second, some findings pass, one is not applicable, one is gone. */
function twoRuns() {
  const first = syntheticRun({ findings: 400, accounts: 2 }).results;
  const second = structuredClone(first) as RunResults;
  second.run = { ...first.run, id: 'run-2', startedAt: '2026-11-21T02:00:00.000Z', finishedAt: '2026-11-21T02:05:00.000Z', evaluatedAt: '2026-11-21T02:00:00.000Z' };
  const caller = first.run.scope.accounts[0];
  const mineOpen = second.findings.filter((f) => isOpen(f) && f.account === caller);
  const passes = mineOpen.slice(0, 3);
  for (const f of passes) Object.assign(f, { status: 'pass', reason: 'Encryption is on.' });
  Object.assign(mineOpen[3], { status: 'not_applicable', reason: 'Nothing to check.' });
  const gone = mineOpen[4];
  second.findings = second.findings.filter((f) => f !== gone);
  const previous = { run: first.run, controls: first.controls, open: first.findings.filter(isOpen) };
  return { first, second, previous, caller, passes: passes.map((f) => f.id), notApplicable: mineOpen[3].id, gone: gone.id };
}

async function sent(): Promise<AwsSecurityFinding[]> {
  return hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings ?? []);
}

beforeEach(() => {
  hub.reset();
  sts.reset();
  hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
});

describe('Security Hub archiving of fixed findings', () => {
  it('archives exactly the findings fixed since the previous run, under their Security Hub Id', async () => {
    const { second, previous, caller, passes, notApplicable, gone } = twoRuns();
    // Open findings of a scheduled run carry the first time the history saw them open.
    for (const f of [...previous.open, ...second.findings]) if (isOpen(f)) f.firstSeen = '2026-11-01T02:00:00.000Z';
    const report = await importToSecurityHub(second, { clientFor, account: caller, previous });
    const findings = await sent();
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) expect(f.FirstObservedAt).toBe('2026-11-01T02:00:00.000Z');
    const archived = findings.filter((f) => f.RecordState === 'ARCHIVED');
    expect(archived.map((f) => f.Id).sort()).toEqual([...passes, notApplicable, gone].map((id) => `proofline/${id}`).sort());
    const stillOpen = second.findings.filter((f) => isOpen(f) && f.account === caller).map((f) => `proofline/${f.id}`);
    expect(findings.filter((f) => f.RecordState === 'ACTIVE').map((f) => f.Id).sort()).toEqual(stillOpen.sort());
    for (const f of archived) {
      expect(f.AwsAccountId).toBe(caller);
      expect(f.UpdatedAt).toBe(second.run.finishedAt);
      expect(f.Workflow).toEqual({ Status: 'RESOLVED' });
      expect(f.ProductFields?.['proofline/ResolvedBy']).toBe('run-2');
      expect(f.Description).toMatch(/^Resolved by Proofline run run-2/);
      // Everything BatchImportFindings requires is still there.
      for (const field of ['SchemaVersion', 'ProductArn', 'GeneratorId', 'Types', 'CreatedAt', 'Severity', 'Title', 'Resources']) expect(f).toHaveProperty(field);
    }
    const byId = new Map(archived.map((f) => [f.Id, f]));
    for (const id of passes) expect(byId.get(`proofline/${id}`)!.Compliance?.Status).toBe('PASSED');
    expect(byId.get(`proofline/${notApplicable}`)!.Compliance?.Status).not.toBe('PASSED');
    expect(byId.get(`proofline/${gone}`)!.Description).toContain('was not found in this run');
    expect(report).toMatchObject({ archived: 5, imported: stillOpen.length + 5, failed: 0 });
  });

  it('archives nothing without a previous run, and deliverRun passes the previous run on', async () => {
    const { second, previous, caller } = twoRuns();
    const alone = await importToSecurityHub(second, { clientFor, account: caller });
    expect(alone.archived).toBe(0);
    expect((await sent()).every((f) => f.RecordState === 'ACTIVE')).toBe(true);
    hub.resetHistory();
    sts.on(GetCallerIdentityCommand).resolves({ Account: caller });
    const report = await deliverRun({ securityHub: {} }, '/nonexistent', second, { securityHub: clientFor, sts: new STSClient({ region: 'eu-west-1', credentials }) }, new Date(), undefined, previous);
    expect(report.errors).toEqual([]);
    expect(report.securityHub).toMatchObject({ archived: 5 });
    expect((await sent()).filter((f) => f.RecordState === 'ARCHIVED')).toHaveLength(5);
  });

  it('counts a rejected archive as failed, not archived', async () => {
    const { second, previous, caller } = twoRuns();
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => {
      const bad = input.Findings.filter((f) => f.RecordState === 'ARCHIVED').slice(0, 1);
      return { SuccessCount: input.Findings.length - bad.length, FailedCount: bad.length, FailedFindings: bad.map((f) => ({ Id: f.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'UpdatedAt is older' })) };
    });
    const report = await importToSecurityHub(second, { clientFor, account: caller, previous });
    expect(report.archived + report.failed).toBe(5);
    expect(report.failed).toBeGreaterThan(0);
  });
});
