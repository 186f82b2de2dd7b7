// Security Hub delivery with aws-sdk-client-mock: BatchImportFindings in batches of at most 100, each
// batch to the Region its findings' ProductArn names, only the calling account's findings, failures
// reported without stopping other Regions; and the IAM permission kept apart from the read-only policy.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverRun } from '../../src/deliver/deliver-run.ts';
import { BATCH_SIZE, importToSecurityHub } from '../../src/deliver/security-hub.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

const hub = mockClient(SecurityHubClient);
const sts = mockClient(STSClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/** A run over two accounts and three Regions, a share of its findings about global resources. */
function run(): { results: RunResults; caller: string } {
  const { results } = syntheticRun({ findings: 900, accounts: 2, controls: 12 });
  for (const [i, f] of results.findings.entries()) if (i % 10 === 3) f.region = 'global';
  return { results, caller: results.run.scope.accounts[0] };
}

/** Each call's Region (from the client it was sent on) and its findings. */
async function calls(): Promise<{ region: string; findings: AwsSecurityFinding[] }[]> {
  return Promise.all(
    hub.commandCalls(BatchImportFindingsCommand).map(async (c) => ({ region: await (c.thisValue as SecurityHubClient).config.region(), findings: c.args[0].input.Findings ?? [] })),
  );
}

const clientFor = (region: string) => new SecurityHubClient({ region, credentials });

beforeEach(() => {
  hub.reset();
  sts.reset();
  hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
});

describe('Security Hub import', () => {
  it("sends every failing and unknown finding of the calling account, at most 100 per call, each to its Region", async () => {
    const { results, caller } = run();
    sts.on(GetCallerIdentityCommand).resolves({ Account: caller });
    const report = await importToSecurityHub(results, { clientFor, sts: new STSClient({ region: 'eu-west-1', credentials }) });
    const exported = results.findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
    const mine = exported.filter((f) => f.account === caller);
    const sent = await calls();
    expect(sent.length).toBe(report.calls);
    for (const c of sent) {
      expect(c.findings.length).toBeGreaterThan(0);
      expect(c.findings.length).toBeLessThanOrEqual(BATCH_SIZE);
      for (const f of c.findings) {
        expect(f.AwsAccountId).toBe(caller);
        expect(f.ProductArn).toBe(`arn:aws:securityhub:${c.region}:${caller}:product/${caller}/default`);
      }
    }
    expect(sent.flatMap((c) => c.findings.map((f) => f.Id)).sort()).toEqual(mine.map((f) => `proofline/${f.id}`).sort());
    // Global resources go to the home Region (the run's first by default).
    const home = results.run.scope.regions[0];
    const globals = mine.filter((f) => f.region === 'global').map((f) => `proofline/${f.id}`);
    expect(globals.length).toBeGreaterThan(0);
    expect(sent.filter((c) => c.region === home).flatMap((c) => c.findings.map((f) => f.Id))).toEqual(expect.arrayContaining(globals));
    expect(report).toMatchObject({ account: caller, imported: mine.length, failed: 0, skippedOtherAccounts: exported.length - mine.length, errors: [], failures: [] });
    expect(new Set(report.regions)).toEqual(new Set(sent.map((c) => c.region)));
    // Only the import call: nothing else is sent to Security Hub.
    expect(hub.calls().length).toBe(sent.length);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it('reports rejected findings and a refusing Region without stopping the other Regions', async () => {
    const { results, caller } = run();
    hub.on(BatchImportFindingsCommand).callsFake(async (input: { Findings: AwsSecurityFinding[] }) => {
      const region = input.Findings[0].ProductArn!.split(':')[3];
      if (region === 'eu-central-1') throw Object.assign(new Error('Account is not subscribed to AWS Security Hub'), { name: 'InvalidAccessException' });
      return { SuccessCount: input.Findings.length - 1, FailedCount: 1, FailedFindings: [{ Id: input.Findings[0].Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' }] };
    });
    const report = await importToSecurityHub(results, { clientFor, account: caller, homeRegion: 'us-east-1' });
    const sent = await calls();
    const refused = sent.filter((c) => c.region === 'eu-central-1').reduce((n, c) => n + c.findings.length, 0);
    const accepted = sent.filter((c) => c.region !== 'eu-central-1');
    expect(refused).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    expect(report.imported).toBe(accepted.reduce((n, c) => n + c.findings.length - 1, 0));
    expect(report.failed).toBe(refused + accepted.length);
    expect(report.errors[0]).toBe('eu-central-1: InvalidAccessException: Account is not subscribed to AWS Security Hub');
    expect(report.failures[0]).toMatchObject({ code: 'InvalidInput', message: 'Finding does not adhere to ASFF' });
    expect(report.failures.length).toBeLessThanOrEqual(10);
  });

  it('runs from delivery.securityHub in deliverRun, its failures reported as delivery errors', async () => {
    const { results, caller } = run();
    sts.on(GetCallerIdentityCommand).resolves({ Account: caller });
    const report = await deliverRun({ securityHub: { homeRegion: 'eu-west-1' } }, '/nonexistent', results, { securityHub: clientFor, sts: new STSClient({ region: 'eu-west-1', credentials }) });
    expect(report.securityHub?.imported).toBeGreaterThan(100);
    expect(report.errors).toEqual([]);
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is invalid'), { name: 'InvalidClientTokenId' }));
    const failed = await deliverRun({ securityHub: {} }, '/nonexistent', results, { securityHub: clientFor, sts: new STSClient({ region: 'eu-west-1', credentials }) });
    expect(failed.errors).toEqual(['Security Hub: The security token included in the request is invalid']);
  });
});

describe('IAM permission for the import', () => {
  const policy = async (name: string) => JSON.parse(await readFile(fileURLToPath(new URL(`../../policies/${name}`, import.meta.url)), 'utf8')) as { Statement: { Action: string | string[]; Resource?: string }[] };

  it('is securityhub:BatchImportFindings on default products only, in its own policy', async () => {
    const p = await policy('proofline-securityhub-import.json');
    expect(p.Statement).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'securityhub:BatchImportFindings', Resource: 'arn:aws:securityhub:*:*:product/*/default' })]);
  });

  it('is not in the read-only collection policy', async () => {
    const actions = (await policy('proofline-readonly.json')).Statement.flatMap((s) => s.Action);
    expect(actions).not.toContain('securityhub:BatchImportFindings');
    expect(actions.filter((a) => /^securityhub:(Batch|Create|Update|Delete|Enable|Disable)/.test(a))).toEqual([]);
  });
});
