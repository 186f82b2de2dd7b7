// Rules for the data stores of an AI workload: RDS and Aurora, DynamoDB, OpenSearch Service and
// Serverless, EFS, FSx, Secrets Manager.
import { describe, expect, it } from 'vitest';
import { failed, keyManagedBy, ok, runRule, statuses } from '../helpers/evidence.ts';
import { rule as rdsEncrypted } from '../../src/evaluate/rules/rds-databases-storage-encrypted.ts';
import { rule as rdsBackups } from '../../src/evaluate/rules/rds-databases-backups-retained-seven-days.ts';
import { rule as rdsDeletion } from '../../src/evaluate/rules/rds-databases-deletion-protection-enabled.ts';
import { rule as rdsPublic } from '../../src/evaluate/rules/rds-db-instances-not-publicly-accessible.ts';
import { rule as ddbPitr } from '../../src/evaluate/rules/dynamodb-tables-point-in-time-recovery-enabled.ts';
import { rule as ddbKey } from '../../src/evaluate/rules/dynamodb-tables-encrypted-with-customer-key.ts';

const CMK = 'arn:aws:kms:eu-west-1:111122223333:key/cmk';
const AWS_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/aws-managed';
const keys = [keyManagedBy(CMK), keyManagedBy(AWS_KEY, 'AWS')];
const ids = (f: { resource: { id: string }; status: string }[]) => f.map((x) => [x.resource.id, x.status]);

describe('RDS databases (clusters and standalone instances)', () => {
  const clusters = (...c: Record<string, unknown>[]) => ok('rds.DescribeDBClusters', { DBClusters: c });
  const instances = (...i: Record<string, unknown>[]) => ok('rds.DescribeDBInstances', { DBInstances: i });
  const good = { StorageEncrypted: true, BackupRetentionPeriod: 14, DeletionProtection: true };
  const records = [
    clusters({ DBClusterIdentifier: 'aurora', ...good }),
    instances(
      { DBInstanceIdentifier: 'aurora-1', DBClusterIdentifier: 'aurora', StorageEncrypted: false, BackupRetentionPeriod: 0, DeletionProtection: false, PubliclyAccessible: false },
      { DBInstanceIdentifier: 'solo', StorageEncrypted: false, BackupRetentionPeriod: 3, DeletionProtection: false, PubliclyAccessible: true },
      { DBInstanceIdentifier: 'weekly', StorageEncrypted: true, BackupRetentionPeriod: 7, DeletionProtection: true },
    ),
  ];

  it('judges each cluster and each instance outside a cluster, never a cluster member twice', () => {
    expect(ids(runRule(rdsEncrypted, records))).toEqual([['aurora', 'pass'], ['solo', 'fail'], ['weekly', 'pass']]);
    expect(ids(runRule(rdsBackups, records))).toEqual([['aurora', 'pass'], ['solo', 'fail'], ['weekly', 'pass']]);
    expect(ids(runRule(rdsDeletion, records))).toEqual([['aurora', 'pass'], ['solo', 'fail'], ['weekly', 'pass']]);
  });

  it('names turned-off backups, and is unknown when a judged field is missing', () => {
    const off = runRule(rdsBackups, [clusters(), instances({ DBInstanceIdentifier: 'x', BackupRetentionPeriod: 0 })]);
    expect(off[0]!.reason).toContain('turned off');
    expect(ids(runRule(rdsEncrypted, [clusters({ DBClusterIdentifier: 'c' }), instances()]))).toEqual([['c', 'unknown']]);
  });

  it('is unknown when either list failed, not_applicable when both are empty', () => {
    expect(statuses(runRule(rdsEncrypted, [failed('rds.DescribeDBClusters'), instances({ DBInstanceIdentifier: 'solo', StorageEncrypted: true })]))).toEqual(['unknown']);
    expect(statuses(runRule(rdsEncrypted, [clusters()]))).toEqual(['unknown']);
    expect(statuses(runRule(rdsDeletion, [clusters(), instances()]))).toEqual(['not_applicable']);
  });

  it('fails publicly accessible instances, cluster members included', () => {
    expect(ids(runRule(rdsPublic, records))).toEqual([['aurora-1', 'pass'], ['solo', 'fail'], ['weekly', 'unknown']]);
    expect(statuses(runRule(rdsPublic, [failed('rds.DescribeDBInstances')]))).toEqual(['unknown']);
    expect(statuses(runRule(rdsPublic, [instances()]))).toEqual(['not_applicable']);
  });
});

describe('DynamoDB tables', () => {
  const tables = ok('dynamodb.ListTables', { TableNames: ['a', 'b', 'c'] });
  const pitr = (TableName: string, d: unknown) => ok('dynamodb.DescribeContinuousBackups', { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', ...(d === undefined ? {} : { PointInTimeRecoveryDescription: d }) } }, { input: { TableName } });
  const table = (TableName: string, sse?: unknown) => ok('dynamodb.DescribeTable', { Table: { TableName, ...(sse ? { SSEDescription: sse } : {}) } }, { input: { TableName } });

  it('point-in-time recovery: ENABLED passes, DISABLED fails, a missing description is unknown', () => {
    const f = runRule(ddbPitr, [tables, pitr('a', { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35 }), pitr('b', { PointInTimeRecoveryStatus: 'DISABLED' }), pitr('c', undefined)]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'unknown']]);
    expect(statuses(runRule(ddbPitr, [tables, failed('dynamodb.DescribeContinuousBackups', { input: { TableName: 'a' } })]))).toEqual(['unknown', 'unknown', 'unknown']);
    expect(statuses(runRule(ddbPitr, [ok('dynamodb.ListTables', { TableNames: [] })]))).toEqual(['not_applicable']);
  });

  it('customer key: a CMK passes; the AWS owned key (no SSE description), the AWS managed key and disabled KMS encryption fail', () => {
    const f = runRule(ddbKey, [tables, table('a', { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: CMK }), table('b'), table('c', { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: AWS_KEY }), ...keys]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail']]);
    expect(ids(runRule(ddbKey, [ok('dynamodb.ListTables', { TableNames: ['d'] }), table('d', { Status: 'DISABLED', SSEType: 'KMS', KMSMasterKeyArn: CMK }), ...keys]))).toEqual([['d', 'fail']]);
  });

  it('customer key: a key KMS cannot describe, a missing status or a failed describe is unknown', () => {
    const one = ok('dynamodb.ListTables', { TableNames: ['a'] });
    expect(statuses(runRule(ddbKey, [one, table('a', { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/unknown' })]))).toEqual(['unknown']);
    expect(statuses(runRule(ddbKey, [one, table('a', { SSEType: 'KMS', KMSMasterKeyArn: CMK }), ...keys]))).toEqual(['unknown']);
    expect(statuses(runRule(ddbKey, [one, failed('dynamodb.DescribeTable', { input: { TableName: 'a' } })]))).toEqual(['unknown']);
  });
});
