import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { rule as accountPab } from '../../src/evaluate/rules/s3-account-public-access-block-enabled.ts';
import { rule as bucketPab } from '../../src/evaluate/rules/s3-bucket-public-access-block-enabled.ts';
import { rule as encryption } from '../../src/evaluate/rules/s3-data-buckets-encrypted-with-customer-key.ts';
import { rule as atRest } from '../../src/evaluate/rules/s3-buckets-default-encryption-enabled.ts';
import { rule as tlsOnly } from '../../src/evaluate/rules/s3-buckets-tls-only.ts';
import { rule as objectLock } from '../../src/evaluate/rules/s3-log-buckets-object-lock-enabled.ts';
import { rule as lifecycle } from '../../src/evaluate/rules/s3-buckets-lifecycle-configured.ts';
import { failed, notConfigured, ok, runRule, statuses } from '../helpers/evidence.ts';

const G = { region: 'global' };
const list = (...buckets: [string, string][]) => ok('s3.ListBuckets', { Buckets: buckets.map(([Name, BucketRegion]) => ({ Name, BucketRegion })) }, G);
const at = (Bucket: string) => ({ ...G, input: { Bucket } });
/** Role evidence for a plain data bucket: no logging target, no policy, classified. */
const dataBucket = (name: string): EvidenceRecord[] => [
  ok('s3.GetBucketLogging', {}, at(name)),
  notConfigured('s3.GetBucketPolicy', 'NoSuchBucketPolicy', at(name)),
  ok('s3.GetBucketTagging', { TagSet: [{ Key: 'DataClassification', Value: 'phi' }] }, at(name)),
];
const logBucket = (name: string): EvidenceRecord[] => [
  ok('s3.GetBucketLogging', {}, at(name)),
  ok('s3.GetBucketPolicy', { Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${name}/*` }] }) }, at(name)),
  notConfigured('s3.GetBucketTagging', 'NoSuchTagSet', at(name)),
];
const scope = { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] };

describe('s3 public access blocks', () => {
  it('account level: missing configuration fails, all four on passes', () => {
    const input = { ...G, input: { AccountId: '111122223333' } };
    expect(statuses(runRule(accountPab, [notConfigured('s3-control.GetPublicAccessBlock', 'NoSuchPublicAccessBlockConfiguration', input)]))).toEqual(['fail']);
    const on = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    expect(statuses(runRule(accountPab, [ok('s3-control.GetPublicAccessBlock', { PublicAccessBlockConfiguration: on }, input)]))).toEqual(['pass']);
  });
  it('bucket level: findings are reported in the bucket region; error is unknown; no buckets is not_applicable', () => {
    const f = runRule(bucketPab, [
      list(['a', 'eu-west-1'], ['b', 'us-east-1'], ['c', 'us-east-1']),
      ok('s3.GetPublicAccessBlock', { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }, at('a')),
      notConfigured('s3.GetPublicAccessBlock', 'NoSuchPublicAccessBlockConfiguration', at('b')),
      failed('s3.GetPublicAccessBlock', at('c')),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.region, x.status])).toEqual([['a', 'eu-west-1', 'pass'], ['b', 'us-east-1', 'fail'], ['c', 'us-east-1', 'unknown']]);
    expect(statuses(runRule(bucketPab, [list()], { scope }))).toEqual(['not_applicable']);
  });
});

describe('s3-data-buckets-encrypted-with-customer-key', () => {
  const sse = (name: string, d: Record<string, unknown>) => ok('s3.GetBucketEncryption', { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: d }] } }, at(name));
  const kms = [
    ok('kms.DescribeKey', { KeyMetadata: { KeyId: 'cmk', KeyManager: 'CUSTOMER' } }, { region: 'eu-west-1', input: { KeyId: 'cmk' } }),
    ok('kms.DescribeKey', { KeyMetadata: { KeyId: 'awskey', KeyManager: 'AWS' } }, { region: 'eu-west-1', input: { KeyId: 'awskey' } }),
    ok('kms.ListAliases', { Aliases: [{ AliasName: 'alias/ml', TargetKeyId: 'cmk' }] }, { region: 'eu-west-1' }),
  ];
  it('passes a customer key (by ARN or alias), fails SSE-S3, the AWS managed key and no configuration', () => {
    const names = ['arn', 'alias', 'sses3', 'awsmanaged', 'none'];
    const f = runRule(encryption, [
      list(...names.map((n): [string, string] => [n, 'eu-west-1'])),
      ...names.flatMap(dataBucket),
      ...kms,
      sse('arn', { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:key/cmk' }),
      sse('alias', { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:alias/ml' }),
      sse('sses3', { SSEAlgorithm: 'AES256' }),
      sse('awsmanaged', { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:key/awskey' }),
      notConfigured('s3.GetBucketEncryption', 'ServerSideEncryptionConfigurationNotFoundError', at('none')),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['arn', 'pass'], ['alias', 'pass'], ['sses3', 'fail'], ['awsmanaged', 'fail'], ['none', 'fail']]);
  });
  it('leaves log buckets out and is unknown when the key cannot be resolved', () => {
    const f = runRule(encryption, [
      list(['logs', 'eu-west-1'], ['data', 'eu-west-1']),
      ...logBucket('logs'),
      ...dataBucket('data'),
      sse('data', { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:key/missing' }),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['data', 'unknown']]);
  });
});

describe('s3-buckets-default-encryption-enabled', () => {
  const sse = (SSEAlgorithm?: string) => ({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: SSEAlgorithm ? { SSEAlgorithm } : {} }] } });
  it('passes any default encryption (SSE-S3, SSE-KMS, DSSE-KMS), log buckets included; fails no configuration or no algorithm', () => {
    const f = runRule(atRest, [
      list(['s3', 'eu-west-1'], ['kms', 'eu-west-1'], ['dsse', 'eu-west-1'], ['logs', 'us-east-1'], ['none', 'eu-west-1'], ['empty', 'eu-west-1']),
      ok('s3.GetBucketEncryption', sse('AES256'), at('s3')),
      ok('s3.GetBucketEncryption', sse('aws:kms'), at('kms')),
      ok('s3.GetBucketEncryption', sse('aws:kms:dsse'), at('dsse')),
      ok('s3.GetBucketEncryption', sse('AES256'), at('logs')),
      notConfigured('s3.GetBucketEncryption', 'ServerSideEncryptionConfigurationNotFoundError', at('none')),
      ok('s3.GetBucketEncryption', sse(), at('empty')),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['s3', 'pass'], ['kms', 'pass'], ['dsse', 'pass'], ['logs', 'pass'], ['none', 'fail'], ['empty', 'fail']]);
    expect(f[0].reason).toMatch(/SSE-S3/);
  });
  it('is unknown when the bucket cannot be read and not applicable without buckets', () => {
    expect(statuses(runRule(atRest, [list(['a', 'eu-west-1']), failed('s3.GetBucketEncryption', at('a'))], { scope }))).toEqual(['unknown']);
    expect(statuses(runRule(atRest, [list()], { scope }))).toEqual(['not_applicable']);
  });
});

describe('bucket policies and log buckets', () => {
  it('TLS-only: a SecureTransport deny passes, no policy fails', () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const f = runRule(tlsOnly, [list(['a', 'eu-west-1'], ['b', 'eu-west-1']), ok('s3.GetBucketPolicy', { Policy: JSON.stringify({ Statement: [deny] }) }, at('a')), notConfigured('s3.GetBucketPolicy', 'NoSuchBucketPolicy', at('b'))], { scope });
    expect(statuses(f)).toEqual(['pass', 'fail']);
  });
  it('object lock applies to log buckets only; not configured fails; no log bucket is not_applicable', () => {
    const f = runRule(objectLock, [
      list(['logs', 'us-east-1'], ['data', 'eu-west-1']),
      ...logBucket('logs'),
      ...dataBucket('data'),
      notConfigured('s3.GetObjectLockConfiguration', 'ObjectLockConfigurationNotFoundError', at('logs')),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.region, x.status])).toEqual([['logs', 'us-east-1', 'fail']]);
    expect(statuses(runRule(objectLock, [list(['data', 'eu-west-1']), ...dataBucket('data')], { scope }))).toEqual(['not_applicable']);
  });
  it('lifecycle: an enabled expiration rule passes, a disabled one fails', () => {
    const rules = (Status: string) => ({ Rules: [{ ID: 'r', Status, Expiration: { Days: 30 } }] });
    const unversioned = ['a', 'b'].map((b) => ok('s3.GetBucketVersioning', {}, at(b)));
    const f = runRule(lifecycle, [list(['a', 'eu-west-1'], ['b', 'eu-west-1']), ...unversioned, ok('s3.GetBucketLifecycleConfiguration', rules('Enabled'), at('a')), ok('s3.GetBucketLifecycleConfiguration', rules('Disabled'), at('b'))], { scope });
    expect(statuses(f)).toEqual(['pass', 'fail']);
  });
  it('lifecycle: transition-only rules never delete and fail; a versioned bucket also needs noncurrent versions to expire', () => {
    const buckets = list(['move', 'eu-west-1'], ['versioned', 'eu-west-1'], ['both', 'eu-west-1'], ['nolc', 'eu-west-1']);
    const f = runRule(lifecycle, [
      buckets,
      ok('s3.GetBucketVersioning', {}, at('move')),
      ok('s3.GetBucketVersioning', { Status: 'Enabled' }, at('versioned')),
      ok('s3.GetBucketVersioning', { Status: 'Suspended' }, at('both')),
      ok('s3.GetBucketVersioning', {}, at('nolc')),
      ok('s3.GetBucketLifecycleConfiguration', { Rules: [{ ID: 'archive', Status: 'Enabled', Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] }] }, at('move')),
      ok('s3.GetBucketLifecycleConfiguration', { Rules: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 365 } }] }, at('versioned')),
      ok('s3.GetBucketLifecycleConfiguration', { Rules: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 365 } }, { ID: 'old', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] }, at('both')),
      notConfigured('s3.GetBucketLifecycleConfiguration', 'NoSuchLifecycleConfiguration', at('nolc')),
    ], { scope });
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['move', 'fail'], ['versioned', 'fail'], ['both', 'pass'], ['nolc', 'fail']]);
    expect(f[0].reason).toMatch(/only transitions.*nothing is ever deleted/);
    expect(f[1].reason).toMatch(/no enabled rule expires noncurrent versions/);
  });
  it('lifecycle: an expiring bucket whose versioning cannot be read is unknown, never pass', () => {
    const f = runRule(lifecycle, [list(['a', 'eu-west-1']), failed('s3.GetBucketVersioning', at('a')), ok('s3.GetBucketLifecycleConfiguration', { Rules: [{ ID: 'r', Status: 'Enabled', Expiration: { Days: 30 } }] }, at('a'))], { scope });
    expect(statuses(f)).toEqual(['unknown']);
  });
});
