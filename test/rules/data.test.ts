// Rules for data protection: AWS Backup plans and vaults, ACM certificates, data residency.
import { describe, expect, it } from 'vitest';
import { KeyAlgorithm } from '@aws-sdk/client-acm';
import { ListBackupPlansCommand, ListBackupSelectionsCommand } from '@aws-sdk/client-backup';
import { ALL_KEY_TYPES } from '../../src/collect/call-inputs.ts';
import { collectors as acmCollectors } from '../../src/collect/services/acm.ts';
import { collectors as backupCollectors } from '../../src/collect/services/backup.ts';
import { byKey, collect, mockAllClients } from '../collect/harness.ts';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';
import { rule as plans } from '../../src/evaluate/rules/backup-plans-cover-data-stores.ts';
import { rule as vaultKey } from '../../src/evaluate/rules/backup-vaults-encrypted-with-customer-key.ts';
import { rule as vaultLock } from '../../src/evaluate/rules/backup-vaults-locked.ts';
import { rule as certs } from '../../src/evaluate/rules/acm-certificates-valid-and-not-expiring.ts';
import { rule as residency } from '../../src/evaluate/rules/data-resides-in-allowed-regions.ts';

describe('backup plans', () => {
  const list = ok('backup.ListBackupPlans', { BackupPlansList: [{ BackupPlanId: 'p1', BackupPlanName: 'daily' }, { BackupPlanId: 'p2', BackupPlanName: 'empty' }] });
  const selections = (plan: string, ids: string[]) => ok('backup.ListBackupSelections', { BackupSelectionsList: ids.map((SelectionId) => ({ SelectionId, SelectionName: SelectionId })) }, { input: { BackupPlanId: plan } });
  const selection = (plan: string, id: string, sel: unknown) => ok('backup.GetBackupSelection', { BackupSelection: sel }, { input: { BackupPlanId: plan, SelectionId: id } });

  it('a plan must assign resources; a plan with an empty selection or none fails', () => {
    const records = [list, selections('p1', ['s1']), selection('p1', 's1', { Resources: ['arn:aws:s3:::training'] }), selections('p2', ['s2']), selection('p2', 's2', { Resources: [], ListOfTags: [] })];
    expect(statuses(runRule(plans, records))).toEqual(['pass', 'fail']);
    const tagged = [list, selections('p1', ['s1']), selection('p1', 's1', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] }), selections('p2', [])];
    expect(statuses(runRule(plans, tagged))).toEqual(['pass', 'fail']);
  });

  it('no plan in a region fails (not configured), errors are unknown', () => {
    expect(statuses(runRule(plans, [ok('backup.ListBackupPlans', { BackupPlansList: [] })]))).toEqual(['fail']);
    expect(statuses(runRule(plans, [failed('backup.ListBackupPlans')]))).toEqual(['unknown']);
    expect(statuses(runRule(plans, [list, selections('p1', ['s1']), failed('backup.GetBackupSelection', { input: { BackupPlanId: 'p1', SelectionId: 's1' } }), failed('backup.ListBackupSelections', { input: { BackupPlanId: 'p2' } })]))).toEqual(['unknown', 'unknown']);
  });
});

describe('backup vaults', () => {
  const vaults = ok('backup.ListBackupVaults', {
    BackupVaultList: [
      { BackupVaultName: 'locked-cmk', EncryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY', EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k', Locked: true, MinRetentionDays: 35, LockDate: '2026-01-01T00:00:00Z' },
      { BackupVaultName: 'aws-owned', EncryptionKeyType: 'AWS_OWNED_KMS_KEY', Locked: false },
      { BackupVaultName: 'legacy', EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/aws-backup', Locked: true, LockDate: '2027-01-01T00:00:00Z' },
    ],
  });

  it('customer key passes, AWS-owned fails, a key ARN without a key type is unknown', () => {
    expect(statuses(runRule(vaultKey, [vaults]))).toEqual(['pass', 'fail', 'unknown']);
  });

  it('Vault Lock, and whether it is already immutable', () => {
    const f = runRule(vaultLock, [vaults]);
    expect(statuses(f)).toEqual(['pass', 'fail', 'pass']);
    expect(f[0]!.reason).toContain('compliance mode');
    expect(f[2]!.reason).toContain('governance mode');
    expect(statuses(runRule(vaultLock, [ok('backup.ListBackupVaults', { BackupVaultList: [] })]))).toEqual(['not_applicable']);
    expect(statuses(runRule(vaultLock, [failed('backup.ListBackupVaults')]))).toEqual(['unknown']);
  });
});

describe('ACM certificates', () => {
  const input = { Includes: { keyTypes: ALL_KEY_TYPES } };
  const list = (c: unknown[]) => ok('acm.ListCertificates', { CertificateSummaryList: c }, { input });
  const cert = (id: string, extra: Record<string, unknown>) => ({ CertificateArn: `arn:aws:acm:eu-west-1:111122223333:certificate/${id}`, DomainName: `${id}.example`, ...extra });

  it('expiry within 30 days and broken statuses fail; pending requests are not judged', () => {
    const f = runRule(certs, [
      list([
        cert('ok', { Status: 'ISSUED', NotAfter: '2027-06-01T00:00:00Z' }),
        cert('soon', { Status: 'ISSUED', NotAfter: '2026-12-01T00:00:00Z', RenewalEligibility: 'ELIGIBLE' }),
        cert('failed', { Status: 'FAILED' }),
        cert('pending', { Status: 'PENDING_VALIDATION' }),
        cert('nodate', { Status: 'ISSUED' }),
      ]),
    ]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([
      ['ok', 'pass'],
      ['soon', 'fail'],
      ['failed', 'fail'],
      ['nodate', 'unknown'],
    ]);
    expect(statuses(runRule(certs, [list([cert('pending', { Status: 'PENDING_VALIDATION' })])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(certs, [failed('acm.ListCertificates', { input })]))).toEqual(['unknown']);
  });
});

describe('data residency', () => {
  const scope = { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] };
  const buckets = (b: unknown[]) => ok('s3.ListBuckets', { Buckets: b }, { region: 'global', input: { MaxBuckets: 1000 } });
  const inventory = (region: string, vpcs: unknown[] = []) => [
    ok('ec2.DescribeVpcs', { Vpcs: vpcs }, { region }),
    ok('sagemaker.ListNotebookInstances', { NotebookInstances: [] }, { region }),
    ok('cloudwatch-logs.DescribeLogGroups', { logGroups: [{ logGroupName: 'empty', storedBytes: 0 }] }, { region }),
    ok('backup.ListBackupVaults', { BackupVaultList: [] }, { region }),
    ok('rds.DescribeDBInstances', { DBInstances: [] }, { region }),
    ok('rds.DescribeDBClusters', { DBClusters: [] }, { region }),
    ok('dynamodb.ListTables', { TableNames: [] }, { region }),
    ok('opensearch.ListDomainNames', { DomainNames: [] }, { region }),
    ok('opensearchserverless.ListCollections', { collectionSummaries: [] }, { region }),
    ok('efs.DescribeFileSystems', { FileSystems: [] }, { region }),
    ok('fsx.DescribeFileSystems', { FileSystems: [] }, { region }),
  ];

  it('a database, table or vector store outside the approved regions fails; an unanswered data-store list outside them is unknown', () => {
    const stores = (region: string, over: Record<string, unknown>) => inventory(region).map((r) => (over[r.key] ? ok(r.key, over[r.key], { region }) : r));
    const eu = inventory('eu-west-1');
    expect(statuses(runRule(residency, [buckets([]), ...eu, ...stores('us-east-1', { 'rds.DescribeDBClusters': { DBClusters: [{ DBClusterIdentifier: 'features' }] } })], { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['not_applicable', 'fail']);
    expect(statuses(runRule(residency, [buckets([]), ...eu, ...stores('us-east-1', { 'opensearchserverless.ListCollections': { collectionSummaries: [{ name: 'kb-vectors' }] } })], { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['not_applicable', 'fail']);
    // An Aurora instance is its cluster's: only the cluster is named.
    const aurora = runRule(residency, [buckets([]), ...eu, ...stores('us-east-1', { 'rds.DescribeDBInstances': { DBInstances: [{ DBInstanceIdentifier: 'features-1', DBClusterIdentifier: 'features' }] } })], { scope, params: { allowedRegions: ['eu-west-1'] } });
    expect(statuses(aurora)).toEqual(['not_applicable', 'not_applicable']);
    const withoutDynamo = [buckets([]), ...eu, ...inventory('us-east-1').filter((r) => r.key !== 'dynamodb.ListTables')];
    expect(statuses(runRule(residency, withoutDynamo, { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['not_applicable', 'unknown']);
  });

  it('data in approved regions passes; data elsewhere fails, including buckets in regions outside the scope; no data is not applicable', () => {
    const records = [buckets([{ Name: 'eu-data', BucketRegion: 'eu-west-1' }, { Name: 'stray', BucketRegion: 'ap-southeast-2' }]), ...inventory('eu-west-1'), ...inventory('us-east-1', [{ VpcId: 'vpc-default', IsDefault: true }])];
    const f = runRule(residency, records, { scope, params: { allowedRegions: ['eu-west-1'] } });
    expect(f.map((x) => [x.region, x.status])).toEqual([
      ['ap-southeast-2', 'fail'],
      ['eu-west-1', 'pass'],
      ['us-east-1', 'not_applicable'],
    ]);
    const withVpc = [buckets([]), ...inventory('eu-west-1'), ...inventory('us-east-1', [{ VpcId: 'vpc-app', IsDefault: false }])];
    expect(statuses(runRule(residency, withVpc, { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['not_applicable', 'fail']);
  });

  it('an incomplete inventory is unknown outside the approved regions, or anywhere when nothing answered; empty allowedRegions means the regions in scope', () => {
    const partial = [buckets([]), ...inventory('eu-west-1'), ...inventory('us-east-1').filter((r) => r.key !== 'backup.ListBackupVaults'), failed('backup.ListBackupVaults', { region: 'us-east-1' })];
    expect(statuses(runRule(residency, partial, { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['not_applicable', 'unknown']);
    expect(statuses(runRule(residency, partial, { scope, params: { allowedRegions: [] } }))).toEqual(['not_applicable', 'not_applicable']);
    expect(statuses(runRule(residency, [], { scope, params: { allowedRegions: ['eu-west-1'] } }))).toEqual(['unknown', 'unknown']);
  });

  it('buckets placed by GetBucketLocation (empty constraint is us-east-1) and unplaced buckets are unknown', () => {
    const records = [
      buckets([{ Name: 'old' }, { Name: 'lost' }]),
      ok('s3.GetBucketLocation', { LocationConstraint: null }, { region: 'global', input: { Bucket: 'old' } }),
      failed('s3.GetBucketLocation', { region: 'global', input: { Bucket: 'lost' } }),
      ...inventory('eu-west-1'),
      ...inventory('us-east-1'),
    ];
    const f = runRule(residency, records, { scope, params: { allowedRegions: ['eu-west-1'] } });
    expect(f.map((x) => [x.region, x.status])).toEqual([
      ['eu-west-1', 'not_applicable'],
      ['us-east-1', 'fail'],
      ['global', 'unknown'],
    ]);
  });
});

describe('collectors (aws-sdk-client-mock)', () => {
  it('Backup: every selection of every plan is fetched; ACM asks for every key type', async () => {
    const { mocks, restore } = await mockAllClients();
    try {
      mocks.backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p1' }, { BackupPlanId: 'p2' }] });
      mocks.backup.on(ListBackupSelectionsCommand, { BackupPlanId: 'p1' }).resolves({ BackupSelectionsList: [{ SelectionId: 's1' }, { SelectionId: 's2' }] });
      mocks.backup.on(ListBackupSelectionsCommand, { BackupPlanId: 'p2' }).resolves({ BackupSelectionsList: [] });
      const records = await collect([...backupCollectors, ...acmCollectors]);
      expect(byKey(records, 'backup.GetBackupSelection').map((r) => r.input).sort((a, b) => String(a.SelectionId).localeCompare(String(b.SelectionId)))).toEqual([
        { BackupPlanId: 'p1', SelectionId: 's1' },
        { BackupPlanId: 'p1', SelectionId: 's2' },
      ]);
      expect(byKey(records, 'acm.ListCertificates')[0]!.input).toEqual({ Includes: { keyTypes: ALL_KEY_TYPES } });
      expect(ALL_KEY_TYPES).toEqual(Object.values(KeyAlgorithm)); // every algorithm the SDK knows, in its order
    } finally {
      restore();
    }
  });
});
