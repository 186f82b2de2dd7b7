// Where the account keeps data, from evidence other controls already collect (no extra API calls):
// S3 buckets (ListBuckets carries each bucket's region), SageMaker notebooks, non-default VPCs, log
// groups holding data, backup vaults holding recovery points, and the data stores of the workload:
// RDS/Aurora, DynamoDB, OpenSearch domains and Serverless collections, EFS and FSx file systems.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { GLOBAL_REGION, type Target } from '../../collect/target.ts';
import type { RuleContext } from '../rule.ts';
import { AbsentField, required } from '../rule-helpers.ts';

type SourceKey =
  | 'sagemaker.ListNotebookInstances'
  | 'ec2.DescribeVpcs'
  | 'cloudwatch-logs.DescribeLogGroups'
  | 'backup.ListBackupVaults'
  | 'rds.DescribeDBInstances'
  | 'rds.DescribeDBClusters'
  | 'dynamodb.ListTables'
  | 'opensearch.ListDomainNames'
  | 'opensearchserverless.ListCollections'
  | 'efs.DescribeFileSystems'
  | 'fsx.DescribeFileSystems';

/** Every source key, for the rule's declaration. */
export const RESIDENCY_SOURCE_KEYS = [
  'sagemaker.ListNotebookInstances',
  'ec2.DescribeVpcs',
  'cloudwatch-logs.DescribeLogGroups',
  'backup.ListBackupVaults',
  'rds.DescribeDBInstances',
  'rds.DescribeDBClusters',
  'dynamodb.ListTables',
  'opensearch.ListDomainNames',
  'opensearchserverless.ListCollections',
  'efs.DescribeFileSystems',
  'fsx.DescribeFileSystems',
] as const satisfies readonly SourceKey[];

/** The data-bearing resources one answer lists, by label; a field needed to tell is `required`. */
export const REGIONAL_SOURCES: { [K in SourceKey]: (r: EvidenceResponse<K>) => string[] } = {
  'sagemaker.ListNotebookInstances': (r) => (r.NotebookInstances ?? []).map((n) => `SageMaker notebook ${n.NotebookInstanceName}`),
  'ec2.DescribeVpcs': (r) => (r.Vpcs ?? []).filter((v) => required(v, 'IsDefault', `VPC ${v.VpcId}`) !== true).map((v) => `VPC ${v.VpcId}`),
  'cloudwatch-logs.DescribeLogGroups': (r) => (r.logGroups ?? []).filter((g) => required(g, 'storedBytes', `Log group ${g.logGroupName}`) > 0).map((g) => `log group ${g.logGroupName}`),
  'backup.ListBackupVaults': (r) => (r.BackupVaultList ?? []).filter((v) => required(v, 'NumberOfRecoveryPoints', `Backup vault ${v.BackupVaultName}`) > 0).map((v) => `backup vault ${v.BackupVaultName}`),
  // An Aurora instance stores nothing of its own: its cluster is the data store.
  'rds.DescribeDBInstances': (r) => (r.DBInstances ?? []).filter((i) => !i.DBClusterIdentifier).map((i) => `RDS instance ${required(i, 'DBInstanceIdentifier', 'An RDS instance')}`),
  'rds.DescribeDBClusters': (r) => (r.DBClusters ?? []).map((c) => `RDS cluster ${required(c, 'DBClusterIdentifier', 'An RDS cluster')}`),
  'dynamodb.ListTables': (r) => (r.TableNames ?? []).map((n) => `DynamoDB table ${n}`),
  'opensearch.ListDomainNames': (r) => (r.DomainNames ?? []).map((d) => `OpenSearch domain ${required(d, 'DomainName', 'An OpenSearch domain')}`),
  'opensearchserverless.ListCollections': (r) => (r.collectionSummaries ?? []).map((c) => `OpenSearch Serverless collection ${c.name ?? required(c, 'id', 'A collection')}`),
  'efs.DescribeFileSystems': (r) => (r.FileSystems ?? []).map((f) => `EFS file system ${required(f, 'FileSystemId', 'An EFS file system')}`),
  'fsx.DescribeFileSystems': (r) => (r.FileSystems ?? []).map((f) => `FSx file system ${required(f, 'FileSystemId', 'An FSx file system')}`),
};

/** The data-bearing resources of one region, or why they cannot all be known. */
export function regionalInventory(ctx: RuleContext<SourceKey>, where: Target): { found: string[]; unknown: string[]; answered: number; records: EvidenceRecord[] } {
  const out = { found: [] as string[], unknown: [] as string[], answered: 0, records: [] as EvidenceRecord[] };
  const read = <K extends SourceKey>(key: K): void => {
    const call = ctx.evidence.call(key, where);
    out.records.push(...call.records);
    if (call.state !== 'ok') return void out.unknown.push(call.error);
    try {
      const labels = call.responses.flatMap((r) => REGIONAL_SOURCES[key](r));
      out.found.push(...labels);
      out.answered++;
    } catch (err) {
      if (!(err instanceof AbsentField)) throw err;
      out.unknown.push(err.message);
    }
  };
  for (const key of RESIDENCY_SOURCE_KEYS) read(key);
  return out;
}

/** GetBucketLocation's legacy answers: empty means us-east-1, "EU" means eu-west-1. */
function locationToRegion(constraint: unknown): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : String(constraint);
}

export interface BucketPlacement {
  byRegion: Map<string, string[]>;
  unplaced: string[];
  error?: string;
  records: EvidenceRecord[];
}

/** Every bucket of the account by region. Read by record, not by call input, so the page size the S3 collector uses does not matter. */
export function bucketsByRegion(ctx: RuleContext<'s3.ListBuckets' | 's3.GetBucketLocation'>, account: string): BucketPlacement {
  const where: Target = { account, region: GLOBAL_REGION };
  const records = ctx.evidence.records('s3.ListBuckets', where);
  const out: BucketPlacement = { byRegion: new Map(), unplaced: [], records: [...records] };
  if (records.length === 0) return { ...out, error: `no evidence for s3.ListBuckets in ${account}` };
  const failed = records.find((r) => r.outcome !== 'ok');
  if (failed) return { ...out, error: `s3.ListBuckets failed: ${failed.error?.name}: ${failed.error?.message}` };
  for (const b of records.flatMap((r) => (r.response as EvidenceResponse<'s3.ListBuckets'>).Buckets ?? [])) {
    let region: string | undefined = b.BucketRegion;
    if (!region) {
      const loc = ctx.evidence.call('s3.GetBucketLocation', where, { Bucket: b.Name });
      out.records.push(...loc.records);
      if (loc.state === 'ok') region = locationToRegion(loc.responses[0]?.LocationConstraint);
    }
    if (!region) out.unplaced.push(b.Name ?? '(unnamed)');
    else out.byRegion.set(region, [...(out.byRegion.get(region) ?? []), `S3 bucket ${b.Name}`]);
  }
  return out;
}
