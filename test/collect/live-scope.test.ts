// The live source: enabled regions, Organization accounts, assumed roles with external id, and a run
// where one account cannot be entered and one region fails while the rest are collected.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
// fromTemporaryCredentials calls AssumeRole through the SDK's nested STS client.
import { AssumeRoleCommand, STSClient as NestedSTSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { liveSource } from '../../src/collect/live/live-source.ts';
import { liveClientConfig } from '../../src/collect/live/live-client-config.ts';
import { simError, SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { awsError, byKey, clock, collect, STATIC_CREDENTIALS } from './harness.ts';

const MGMT = '999988887777';
const MEMBER = '111122223333';
const LOCKED = '444455556666';

let mocks: { sts: any; ec2: any; org: any; assume: any };
let notebooks: Collector[];
beforeAll(async () => {
  notebooks = (await loadCollectors()).filter((c) => c.name === 'sagemaker.notebooks');
});
beforeEach(() => {
  mocks = { sts: mockClient(STSClient), ec2: mockClient(EC2Client), org: mockClient(OrganizationsClient), assume: mockClient(NestedSTSClient) };
  mocks.sts.on(GetCallerIdentityCommand).resolves({ Account: MGMT, Arn: `arn:aws:iam::${MGMT}:user/auditor` });
  mocks.ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
      { RegionName: 'me-central-1', OptInStatus: 'opted-in' },
    ],
  });
  mocks.assume.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    if (input.RoleArn.includes(LOCKED)) throw awsError('AccessDenied', 403, `User is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 'req-denied');
    return { Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } };
  });
});
afterEach(() => Object.values(mocks).forEach((m) => m.restore()));

const base = async () => STATIC_CREDENTIALS;

describe('live scope', () => {
  it('defaults to the enabled regions, leaving disabled opt-in regions out', async () => {
    const src = await liveSource({ regions: [], credentials: base });
    expect(src.scope).toEqual({ accounts: [MGMT], regions: ['eu-west-1', 'me-central-1', 'us-east-1'] });
    expect(mocks.ec2.commandCalls(DescribeRegionsCommand)[0].args[0].input).toEqual({ AllRegions: true });
    // The answer the regions were chosen from is kept as evidence, and the choice names it.
    const [record] = src.preflight;
    expect(record).toMatchObject({ key: 'ec2.DescribeRegions', account: MGMT, outcome: 'ok', input: { AllRegions: true } });
    expect(src.regionSelection).toEqual({ method: 'enabled-regions', evidence: [record.id] });
  });

  it('enters every ACTIVE Organization account by its read-only role with the external id', async () => {
    mocks.org
      .on(ListAccountsCommand)
      .resolves({ Accounts: [{ Id: MGMT, State: 'ACTIVE' }, { Id: MEMBER, State: 'ACTIVE' }], NextToken: 'n' })
      .on(ListAccountsCommand, { NextToken: 'n' })
      .resolves({ Accounts: [{ Id: '222233334444', State: 'SUSPENDED' }, { Id: '555566667777', Status: 'ACTIVE' }] });
    const src = await liveSource({ regions: ['eu-west-1'], organization: true, role: { roleName: 'Audit', externalId: 'ext-123' }, credentials: base });
    expect(src.scope.accounts).toEqual(['555566667777', MEMBER, MGMT].sort());
    const assumed = mocks.assume.commandCalls(AssumeRoleCommand).map((c: any) => c.args[0].input);
    expect(assumed.map((i: any) => i.RoleArn).sort()).toEqual([`arn:aws:iam::${MEMBER}:role/Audit`, `arn:aws:iam::555566667777:role/Audit`]);
    expect(assumed.every((i: any) => i.ExternalId === 'ext-123' && i.RoleSessionName === 'proofline')).toBe(true);
    expect(src.preflight).toEqual([]);
  });

  it('configures adaptive retry, request timeouts and path-style S3 when an endpoint is overridden', () => {
    const cfg = liveClientConfig(undefined, { AWS_ENDPOINT_URL: 'http://localhost:4566' });
    expect(cfg('s3', 'eu-west-1')).toMatchObject({ retryMode: 'adaptive', forcePathStyle: true, requestHandler: { requestTimeout: 30_000 } });
    expect(cfg('sagemaker', 'eu-west-1').forcePathStyle).toBeUndefined();
    expect(liveClientConfig(undefined, {})('s3', 'eu-west-1').forcePathStyle).toBeUndefined();
  });
});

describe('a run where one account cannot be entered and one region fails', () => {
  it('records the failures as evidence and collects everything else', async () => {
    const src = await liveSource({ regions: ['eu-west-1', 'us-east-1'], accounts: [MEMBER, LOCKED], credentials: base, now: clock });
    // The network is simulated: below the SDK's signing, so the failed account's credentials are still used.
    const sim = new SimulatedAws()
      .on('sagemaker.ListNotebookInstances', (_input, t) =>
        t.region === 'us-east-1' ? simError('UnrecognizedClientException', 400, 'The security token included in the request is invalid') : { NotebookInstances: [{ NotebookInstanceName: `nb-${t.account}` }] },
      )
      .on('sagemaker.DescribeNotebookInstance', (input) => ({ NotebookInstanceName: input.NotebookInstanceName }));
    const records = [
      ...src.preflight,
      ...(await collect(notebooks, src.scope, { responder: sim.responder(), credentialsFor: src.credentialsFor, clientConfig: src.clientConfig as never })),
    ];
    expect(byKey(records, 'sts.AssumeRole')).toMatchObject([
      { account: LOCKED, region: 'global', outcome: 'error', requestId: 'req-denied', error: { name: 'AccessDenied', httpStatus: 403 }, input: { RoleArn: `arn:aws:iam::${LOCKED}:role/ProoflineReadOnly` } },
    ]);
    const lists = byKey(records, 'sagemaker.ListNotebookInstances');
    const state = Object.fromEntries(lists.map((r) => [`${r.account}/${r.region}`, r.outcome === 'ok' ? 'ok' : r.error!.name]));
    expect(state).toEqual({
      [`${MEMBER}/eu-west-1`]: 'ok',
      [`${MEMBER}/us-east-1`]: 'UnrecognizedClientException',
      [`${LOCKED}/eu-west-1`]: 'AssumeRoleFailed',
      [`${LOCKED}/us-east-1`]: 'AssumeRoleFailed',
    });
    expect(lists.find((r) => r.account === LOCKED)!.error!.message).toContain(`cannot assume arn:aws:iam::${LOCKED}:role/ProoflineReadOnly`);
    expect(byKey(records, 'sagemaker.DescribeNotebookInstance').map((r) => `${r.account}/${r.region}`)).toEqual([`${MEMBER}/eu-west-1`]);
    // One AssumeRole per account, however many clients use its credentials.
    expect(mocks.assume.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });
});
