// Rules for the data stores of an AI workload: RDS and Aurora, DynamoDB, OpenSearch Service and
// Serverless, EFS, FSx, Secrets Manager.
import { describe, expect, it } from 'vitest';
import { failed, keyManagedBy, ok, runRule, statuses } from '../helpers/evidence.ts';
import { rule as rdsEncrypted } from '../../src/evaluate/rules/rds-databases-storage-encrypted.ts';
import { rule as rdsBackups } from '../../src/evaluate/rules/rds-databases-backups-retained-seven-days.ts';
import { rule as rdsDeletion } from '../../src/evaluate/rules/rds-databases-deletion-protection-enabled.ts';
import { rule as rdsPublic } from '../../src/evaluate/rules/rds-db-instances-not-publicly-accessible.ts';
import { rule as rdsIamAuth } from '../../src/evaluate/rules/rds-databases-iam-authentication-enabled.ts';
import { rule as ddbPitr } from '../../src/evaluate/rules/dynamodb-tables-point-in-time-recovery-enabled.ts';
import { rule as ddbKey } from '../../src/evaluate/rules/dynamodb-tables-encrypted-with-customer-key.ts';
import { rule as osAtRest } from '../../src/evaluate/rules/opensearch-domains-encrypted-at-rest.ts';
import { rule as osNodes } from '../../src/evaluate/rules/opensearch-domains-node-to-node-encryption-enabled.ts';
import { rule as osHttps } from '../../src/evaluate/rules/opensearch-domains-https-required.ts';
import { rule as osPublic } from '../../src/evaluate/rules/opensearch-domains-not-publicly-accessible.ts';
import { rule as aossKey } from '../../src/evaluate/rules/opensearch-serverless-collections-encrypted-with-customer-key.ts';
import { rule as aossPublic } from '../../src/evaluate/rules/opensearch-serverless-collections-not-publicly-accessible.ts';
import { rule as efsAtRest } from '../../src/evaluate/rules/efs-file-systems-encrypted-at-rest.ts';
import { rule as efsKey } from '../../src/evaluate/rules/efs-file-systems-encrypted-with-customer-key.ts';
import { rule as fsxKey } from '../../src/evaluate/rules/fsx-file-systems-encrypted-with-customer-key.ts';
import { rule as secretRotation } from '../../src/evaluate/rules/secrets-manager-secrets-rotation-enabled.ts';
import { rule as secretKey } from '../../src/evaluate/rules/secrets-manager-secrets-encrypted-with-customer-key.ts';

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

  it('IAM authentication: judged only on engines that support it; an unreported engine is unknown', () => {
    const f = runRule(rdsIamAuth, [
      clusters({ DBClusterIdentifier: 'aurora', Engine: 'aurora-postgresql', IAMDatabaseAuthenticationEnabled: true }),
      instances(
        { DBInstanceIdentifier: 'pg', Engine: 'postgres', IAMDatabaseAuthenticationEnabled: false },
        { DBInstanceIdentifier: 'oracle', Engine: 'oracle-ee', IAMDatabaseAuthenticationEnabled: false },
        { DBInstanceIdentifier: 'noengine', IAMDatabaseAuthenticationEnabled: true },
      ),
    ]);
    expect(ids(f)).toEqual([['aurora', 'pass'], ['pg', 'fail'], ['noengine', 'unknown']]);
    expect(f[0]!.reason).toContain('password logins remain possible');
    expect(statuses(runRule(rdsIamAuth, [clusters(), instances({ DBInstanceIdentifier: 'sql', Engine: 'sqlserver-se' })]))).toEqual(['not_applicable']);
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

describe('OpenSearch Service domains', () => {
  const names = (...n: string[]) => ok('opensearch.ListDomainNames', { DomainNames: n.map((DomainName) => ({ DomainName, EngineType: 'OpenSearch' })) });
  const domain = (DomainName: string, status: Record<string, unknown>) => ok('opensearch.DescribeDomain', { DomainStatus: { DomainName, ...status } }, { input: { DomainName } });
  const open = (extra: Record<string, unknown> = {}) => JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttp*', Resource: '*', ...extra }] });

  it('encryption at rest and node-to-node encryption: enabled passes, disabled fails, a missing option is unknown', () => {
    const records = [names('a', 'b', 'c'), domain('a', { EncryptionAtRestOptions: { Enabled: true }, NodeToNodeEncryptionOptions: { Enabled: true } }), domain('b', { EncryptionAtRestOptions: { Enabled: false }, NodeToNodeEncryptionOptions: { Enabled: false } }), domain('c', {})];
    expect(ids(runRule(osAtRest, records))).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'unknown']]);
    expect(ids(runRule(osNodes, records))).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'unknown']]);
    expect(statuses(runRule(osAtRest, [names('a'), failed('opensearch.DescribeDomain', { input: { DomainName: 'a' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(osAtRest, [failed('opensearch.ListDomainNames')]))).toEqual(['unknown']);
    expect(statuses(runRule(osAtRest, [names()]))).toEqual(['not_applicable']);
  });

  it('HTTPS: enforced with a TLS 1.2 policy passes; plain HTTP or a TLS 1.0 policy fails', () => {
    const f = runRule(osHttps, [
      names('a', 'b', 'c', 'd'),
      domain('a', { DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' } }),
      domain('b', { DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } }),
      domain('c', { DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' } }),
      domain('d', { DomainEndpointOptions: { EnforceHTTPS: true } }),
    ]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail'], ['d', 'unknown']]);
  });

  it('public access: a VPC domain passes; a public one fails when its policy admits "*" without a condition', () => {
    const f = runRule(osPublic, [
      names('vpc', 'open', 'ip', 'none', 'missing', 'garbled'),
      domain('vpc', { VPCOptions: { VPCId: 'vpc-1' }, AccessPolicies: open() }),
      domain('open', { AccessPolicies: open() }),
      domain('ip', { AccessPolicies: open({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) }),
      domain('none', { AccessPolicies: '' }),
      domain('missing', {}),
      domain('garbled', { AccessPolicies: '{not json' }),
    ]);
    expect(ids(f)).toEqual([['vpc', 'pass'], ['open', 'fail'], ['ip', 'pass'], ['none', 'pass'], ['missing', 'unknown'], ['garbled', 'unknown']]);
  });
});

describe('OpenSearch Serverless collections', () => {
  const list = (...c: { id: string; name: string }[]) => ok('opensearchserverless.ListCollections', { collectionSummaries: c });
  const batch = (ids: string[], details: Record<string, unknown>[]) => ok('opensearchserverless.BatchGetCollection', { collectionDetails: details, collectionErrorDetails: [] }, { input: { ids } });
  const kb = { id: 'c1', name: 'kb-guidelines' };
  const faq = { id: 'c2', name: 'kb-faq' };
  const other = { id: 'c3', name: 'analytics' };

  it('customer key: a CMK passes, "auto" (AWS owned) and an AWS managed key fail', () => {
    const f = runRule(aossKey, [list(kb, faq, other), batch(['c1', 'c2', 'c3'], [{ id: 'c1', kmsKeyArn: CMK }, { id: 'c2', kmsKeyArn: 'auto' }, { id: 'c3', kmsKeyArn: AWS_KEY }]), ...keys]);
    expect(ids(f)).toEqual([['kb-guidelines', 'pass'], ['kb-faq', 'fail'], ['analytics', 'fail']]);
  });

  it('customer key: a failed batch, a collection no batch describes, or a missing key is unknown', () => {
    expect(statuses(runRule(aossKey, [list(kb), failed('opensearchserverless.BatchGetCollection', { input: { ids: ['c1'] } }), ...keys]))).toEqual(['unknown']);
    expect(statuses(runRule(aossKey, [list(kb), ...keys]))).toEqual(['unknown']);
    expect(statuses(runRule(aossKey, [list(kb), batch(['c1'], [{ id: 'c1' }]), ...keys]))).toEqual(['unknown']);
    expect(statuses(runRule(aossKey, [list()]))).toEqual(['not_applicable']);
  });

  const NETWORK = { type: 'network' };
  const policies = (...p: { name: string; policy: unknown }[]) => [
    ok('opensearchserverless.ListSecurityPolicies', { securityPolicySummaries: p.map(({ name }) => ({ type: 'network', name })) }, { input: NETWORK }),
    ...p.map(({ name, policy }) => ok('opensearchserverless.GetSecurityPolicy', { securityPolicyDetail: { type: 'network', name, policy } }, { input: { ...NETWORK, name } })),
  ];

  it('network: a covering rule set with AllowFromPublic true fails (collection or dashboards); private or uncovered passes', () => {
    const f = runRule(aossPublic, [
      list(kb, faq, other),
      ...policies(
        { name: 'private', policy: [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-*'] }], AllowFromPublic: false, SourceVPCEs: ['vpce-1'] }] },
        { name: 'faq-dash', policy: JSON.stringify([{ Rules: [{ ResourceType: 'dashboard', Resource: ['collection/kb-faq'] }], AllowFromPublic: true }]) },
      ),
    ]);
    expect(ids(f)).toEqual([['kb-guidelines', 'pass'], ['kb-faq', 'fail'], ['analytics', 'pass']]);
    expect(f[1]!.reason).toContain('dashboard');
    expect(f[1]!.evidence.length).toBe(4);
  });

  it('network: a failed policy call, an unreadable policy or a covering rule set without AllowFromPublic is unknown', () => {
    expect(statuses(runRule(aossPublic, [list(kb), failed('opensearchserverless.ListSecurityPolicies', { input: NETWORK })]))).toEqual(['unknown']);
    expect(statuses(runRule(aossPublic, [list(kb), ok('opensearchserverless.ListSecurityPolicies', { securityPolicySummaries: [{ name: 'p' }] }, { input: NETWORK })]))).toEqual(['unknown']);
    expect(statuses(runRule(aossPublic, [list(kb), ...policies({ name: 'p', policy: { not: 'a list' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(aossPublic, [list(kb), ...policies({ name: 'p', policy: [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/*'] }] }] })]))).toEqual(['unknown']);
    expect(statuses(runRule(aossPublic, [list(kb), ...policies({ name: 'p', policy: [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/other'] }] }] })]))).toEqual(['pass']);
  });
});

describe('EFS and FSx file systems', () => {
  const efs = (...fs: Record<string, unknown>[]) => ok('efs.DescribeFileSystems', { FileSystems: fs });
  const fsx = (...fs: Record<string, unknown>[]) => ok('fsx.DescribeFileSystems', { FileSystems: fs });

  it('EFS at rest: encrypted passes, unencrypted fails, a missing flag is unknown', () => {
    const records = [efs({ FileSystemId: 'a', Encrypted: true, KmsKeyId: CMK }, { FileSystemId: 'b', Encrypted: false }, { FileSystemId: 'c' })];
    expect(ids(runRule(efsAtRest, records))).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'unknown']]);
    expect(statuses(runRule(efsAtRest, [failed('efs.DescribeFileSystems')]))).toEqual(['unknown']);
    expect(statuses(runRule(efsAtRest, [efs()]))).toEqual(['not_applicable']);
  });

  it('EFS key: a CMK passes; the AWS managed key and an unencrypted file system fail; an undescribed key is unknown', () => {
    const f = runRule(efsKey, [efs({ FileSystemId: 'a', Encrypted: true, KmsKeyId: CMK }, { FileSystemId: 'b', Encrypted: true, KmsKeyId: AWS_KEY }, { FileSystemId: 'c', Encrypted: false }, { FileSystemId: 'd', Encrypted: true, KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/gone' }), ...keys]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail'], ['d', 'unknown']]);
  });

  it('FSx key: a CMK passes; no key (scratch Lustre) and the AWS managed key fail', () => {
    const f = runRule(fsxKey, [fsx({ FileSystemId: 'a', FileSystemType: 'LUSTRE', KmsKeyId: CMK }, { FileSystemId: 'b', FileSystemType: 'LUSTRE' }, { FileSystemId: 'c', FileSystemType: 'WINDOWS', KmsKeyId: AWS_KEY }), ...keys]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail']]);
    expect(statuses(runRule(fsxKey, [failed('fsx.DescribeFileSystems')]))).toEqual(['unknown']);
    expect(statuses(runRule(fsxKey, [fsx()]))).toEqual(['not_applicable']);
  });
});

describe('Secrets Manager secrets', () => {
  const secrets = (...s: Record<string, unknown>[]) => ok('secrets-manager.ListSecrets', { SecretList: s });

  it('rotation: enabled passes; disabled or not reported fails, never passes', () => {
    const f = runRule(secretRotation, [secrets({ Name: 'a', RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 } }, { Name: 'b', RotationEnabled: false }, { Name: 'c' })]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail']]);
    expect(f[0]!.reason).toContain('every 30 days');
    expect(statuses(runRule(secretRotation, [failed('secrets-manager.ListSecrets')]))).toEqual(['unknown']);
    expect(statuses(runRule(secretRotation, [secrets()]))).toEqual(['not_applicable']);
  });

  it('key: a CMK passes; no key (aws/secretsmanager), the AWS managed alias or key fail; an unresolvable alias is unknown', () => {
    const aliases = ok('kms.ListAliases', { Aliases: [{ AliasName: 'alias/ml', TargetKeyId: 'cmk' }] });
    const f = runRule(secretKey, [secrets({ Name: 'a', KmsKeyId: CMK }, { Name: 'b' }, { Name: 'c', KmsKeyId: 'alias/aws/secretsmanager' }, { Name: 'd', KmsKeyId: AWS_KEY }, { Name: 'e', KmsKeyId: 'alias/ml' }, { Name: 'f', KmsKeyId: 'alias/missing' }), aliases, ...keys, ok('kms.DescribeKey', { KeyMetadata: { KeyId: 'cmk', KeyManager: 'CUSTOMER' } }, { input: { KeyId: 'cmk' } })]);
    expect(ids(f)).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail'], ['d', 'fail'], ['e', 'pass'], ['f', 'unknown']]);
  });
});
