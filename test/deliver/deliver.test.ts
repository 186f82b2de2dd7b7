import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectLockConfigurationCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverRun } from '../../src/deliver/deliver-run.ts';
import { uploadPackage } from '../../src/deliver/s3-evidence-locker.ts';
import { applyExceptions } from '../../src/exceptions/apply-exceptions.ts';
import { fakeResults } from '../history/fake-results.ts';

const s3 = mockClient(S3Client);
const sns = mockClient(SNSClient);
const now = new Date('2026-11-20T02:10:00Z');

async function fakePackage(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'proofline-deliver-')), 'proofline-111122223333-20261120T020000Z');
  await mkdir(join(dir, 'oscal'), { recursive: true });
  await writeFile(join(dir, 'results.json'), '{}');
  await writeFile(join(dir, 'oscal', 'assessment-results.json'), '{}');
  return dir;
}

function results() {
  const r = fakeResults('run-1', '2026-11-20T02:00:00.000Z', [{ control: 'c1', resource: 'a', status: 'fail' }, { control: 'c2', resource: 'b', status: 'pass' }]);
  r.summary.controls = { pass: 1, fail: 1, unknown: 0, not_applicable: 0, manual: 0, attested: 0, expired: 0 };
  r.summary.findings = { pass: 1, fail: 1, unknown: 0, not_applicable: 0 };
  r.summary.requirements = { gdpr: {}, hipaa: {}, soc2: { met: 3, not_met: 1, unknown: 0, manual: 2 } } as never;
  return applyExceptions(r, [{ id: 'EXC-9', controlId: 'c1', resource: '*', justification: 'j', approver: 'CISO', approvedOn: '2026-01-01', expiresOn: '2026-02-01' }], now);
}

beforeEach(() => {
  s3.reset();
  sns.reset();
});

describe('evidence locker upload', () => {
  it('uploads every file with KMS encryption and the bucket default Object Lock retention', async () => {
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 1 } } } });
    s3.on(PutObjectCommand).resolves({});
    const pkg = await fakePackage();
    const report = await uploadPackage(s3 as unknown as S3Client, pkg, { bucket: 'acme-evidence', prefix: '/proofline/', kmsKeyId: 'alias/evidence', now });
    expect(report).toEqual({ bucket: 'acme-evidence', prefix: 'proofline/proofline-111122223333-20261120T020000Z', objects: 2, retention: { mode: 'COMPLIANCE', retainUntil: '2027-11-20T02:10:00.000Z' } });
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.Key).sort()).toEqual(['proofline/proofline-111122223333-20261120T020000Z/oscal/assessment-results.json', 'proofline/proofline-111122223333-20261120T020000Z/results.json']);
    for (const p of puts) expect(p).toMatchObject({ Bucket: 'acme-evidence', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/evidence', ObjectLockMode: 'COMPLIANCE' });
  });

  it('sets no lock when the bucket has no Object Lock configuration', async () => {
    s3.on(GetObjectLockConfigurationCommand).rejects(Object.assign(new Error('none'), { name: 'ObjectLockConfigurationNotFoundError' }));
    s3.on(PutObjectCommand).resolves({});
    const report = await uploadPackage(s3 as unknown as S3Client, await fakePackage(), { bucket: 'b', prefix: '', now });
    expect(report.retention).toBeUndefined();
    const put = s3.commandCalls(PutObjectCommand)[0].args[0].input;
    expect(put.ObjectLockMode).toBeUndefined();
    expect(put.ServerSideEncryption).toBe('aws:kms');
  });

  it('fails the upload when the lock configuration cannot be read (never uploads unlocked by mistake)', async () => {
    s3.on(GetObjectLockConfigurationCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const report = await deliverRun({ s3: { bucket: 'b', prefix: '' } }, await fakePackage(), results(), { s3: s3 as unknown as S3Client }, now);
    expect(report.errors[0]).toMatch(/upload to s3:\/\/b: denied/);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});

describe('notifications', () => {
  it('posts a JSON summary to the webhook and publishes the templated text to SNS', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const posted: { url: string; body: any }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      posted.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const report = await deliverRun({ webhook: { url: 'https://hooks.example.test/proofline' }, sns: { topicArn: 'arn:aws:sns:eu-west-1:111122223333:compliance' } }, '/data/pkg', results(), { sns: sns as unknown as SNSClient, fetch: fakeFetch }, now);
    expect(report).toMatchObject({ webhookStatus: 204, snsMessageId: 'm-1', errors: [] });
    const body = posted[0].body;
    expect(body.event).toBe('proofline.run.completed');
    expect(body.summary).toMatchObject({ runId: 'run-1', failingControls: 1, acceptedRisk: 0, expiredExceptions: 'EXC-9' });
    expect(body.subject).toBe('Proofline Test: 1 failing control (2026-11-20)');
    expect(body.text).toContain('SOC 2 (TSC 2017): 3 met, 1 not met');
    expect(body.text).toContain('Expired exceptions (no longer applied): EXC-9.');
    const publish = sns.commandCalls(PublishCommand)[0].args[0].input;
    expect(publish).toMatchObject({ TopicArn: 'arn:aws:sns:eu-west-1:111122223333:compliance', Subject: body.subject, Message: body.text });
  });

  it('a webhook failure is reported and does not stop the SNS message', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    const failing = (async () => new Response('nope', { status: 500 })) as unknown as typeof fetch;
    const report = await deliverRun({ webhook: { url: 'https://hooks.example.test/x' }, sns: { topicArn: 'arn:aws:sns:eu-west-1:111122223333:t' } }, '/p', results(), { sns: sns as unknown as SNSClient, fetch: failing }, now);
    expect(report.errors).toEqual(['webhook: webhook hooks.example.test answered HTTP 500']);
    expect(report.snsMessageId).toBe('m-2');
  });

  it('does nothing without delivery config', async () => {
    expect(await deliverRun(undefined, '/p', results())).toEqual({ errors: [] });
  });
});
