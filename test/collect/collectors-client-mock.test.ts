// Collectors against aws-sdk-client-mock: pagination, throttling, AccessDenied, "not configured", empty account.
import { DescribeNotebookInstanceCommand, ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import { GetBucketEncryptionCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { simError, SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { awsError, byKey, nb, collect, mockAllClients, type Mocks } from './harness.ts';

let all: Collector[];
const named = (...names: string[]) => all.filter((c) => names.includes(c.name));
const producing = (key: string) => all.filter((c) => (c.produces as string[]).includes(key));

beforeAll(async () => {
  all = await loadCollectors();
});

describe('collectors under aws-sdk-client-mock', () => {
  let mocks: Mocks;
  let restore: () => void;
  beforeEach(async () => ({ mocks, restore } = await mockAllClients()));
  afterEach(() => restore());

  it('follows every page of a list call and describes each listed notebook', async () => {
    mocks.sagemaker
      .on(ListNotebookInstancesCommand)
      .resolves({ NotebookInstances: [nb('a'), nb('b')], NextToken: 'p2' })
      .on(ListNotebookInstancesCommand, { NextToken: 'p2' })
      .resolves({ NotebookInstances: [nb('c')] });
    mocks.sagemaker.on(DescribeNotebookInstanceCommand).callsFake((input) => ({ NotebookInstanceName: input.NotebookInstanceName, DirectInternetAccess: 'Disabled' }));
    const records = await collect(named('sagemaker.notebooks'));
    const pages = byKey(records, 'sagemaker.ListNotebookInstances');
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p.input.NextToken ?? null).sort()).toEqual([null, 'p2'].sort());
    expect(byKey(records, 'sagemaker.DescribeNotebookInstance').map((r) => r.input.NotebookInstanceName).sort()).toEqual(['a', 'b', 'c']);
    expect(records.every((r) => r.outcome === 'ok' && r.account === '111122223333' && r.region === 'eu-west-1')).toBe(true);
  });

  it('records AccessDenied with name, HTTP status, request id and message, and goes on', async () => {
    mocks.sagemaker.on(ListNotebookInstancesCommand).rejects(awsError('AccessDeniedException', 403, 'not authorized to perform sagemaker:ListNotebookInstances', 'req-42'));
    const records = await collect(named('sagemaker.notebooks'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'error', requestId: 'req-42', error: { name: 'AccessDeniedException', httpStatus: 403, message: 'not authorized to perform sagemaker:ListNotebookInstances' } });
  });

  it('records throttling that outlasted the retries as an error (the mock replaces send, so no SDK retry here)', async () => {
    mocks.sagemaker.on(ListNotebookInstancesCommand).rejects(awsError('ThrottlingException', 400, 'Rate exceeded'));
    const [rec] = await collect(named('sagemaker.notebooks'));
    expect(rec).toMatchObject({ outcome: 'error', error: { name: 'ThrottlingException', httpStatus: 400 } });
  });

  it('records "not configured" answers as not_configured (S3 encryption, IAM password policy)', async () => {
    mocks.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'plain', BucketRegion: 'eu-west-1' }] });
    mocks.s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 404));
    mocks.iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 404, 'The Password Policy with domain name 111122223333 cannot be found.'));
    const records = await collect([...producing('s3.GetBucketEncryption'), ...producing('iam.GetAccountPasswordPolicy')]);
    expect(byKey(records, 's3.GetBucketEncryption')[0]).toMatchObject({ outcome: 'not_configured', region: 'global', input: { Bucket: 'plain' } });
    expect(byKey(records, 'iam.GetAccountPasswordPolicy')[0]).toMatchObject({ outcome: 'not_configured', error: { name: 'NoSuchEntity' } });
  });

  it('an empty account gives ok list records and no follow-up calls, for every collector', async () => {
    const records = await collect(all);
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((r) => r.outcome === 'error').map((r) => `${r.key}: ${r.error?.name} ${r.error?.message}`)).toEqual([]);
    expect(byKey(records, 'sagemaker.DescribeNotebookInstance')).toEqual([]);
    // Every collector left evidence of having looked.
    const keys = new Set(records.map((r) => r.key));
    expect(all.filter((c) => !c.produces.some((k) => keys.has(k))).map((c) => c.name)).toEqual([]);
  });
});

describe('throttling then success (SimulatedAws answers below the SDK retry, like AWS)', () => {
  it('retries a throttled call and records only the final success', async () => {
    let throttled = 0;
    const sim = new SimulatedAws({ beforeAnswer: async () => (throttled++ === 0 ? simError('ThrottlingException', 400, 'Rate exceeded') : undefined) })
      .on('sagemaker.ListNotebookInstances', () => ({ NotebookInstances: [nb('a')] }))
      .on('sagemaker.DescribeNotebookInstance', (input) => ({ NotebookInstanceName: input.NotebookInstanceName }));
    const records = await collect(named('sagemaker.notebooks'), undefined, { responder: sim.responder(), clientConfig: () => ({ retryMode: 'adaptive', maxAttempts: 3 }) });
    expect(sim.callCount).toBe(3);
    expect(records.map((r) => `${r.key}:${r.outcome}`)).toEqual(['sagemaker.DescribeNotebookInstance:ok', 'sagemaker.ListNotebookInstances:ok']);
  });
});
