// The data stores of the AI workload that the run has evidence of, per region: RDS and Aurora databases
// (a cluster, or an instance outside any cluster), DynamoDB tables, EFS file systems (e.g. SageMaker
// Studio home directories), FSx file systems, and the S3 buckets SageMaker training jobs read their
// training data from. To add a store type, add a source: its evidence keys to
// DATA_STORE_EVIDENCE and a function listing its stores (with ARNs as AWS Backup names them).
import { RECENT_TRAINING_JOBS_INPUT } from '../../collect/call-inputs.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import type { ResourceRef } from '../finding.ts';
import { listAt, type Listed } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export const DATA_STORE_EVIDENCE = ['rds.DescribeDBInstances', 'rds.DescribeDBClusters', 'dynamodb.ListTables', 'efs.DescribeFileSystems', 'fsx.DescribeFileSystems', 'sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'] as const;
type Keys = (typeof DATA_STORE_EVIDENCE)[number];

export interface DataStore {
  resource: ResourceRef & { arn: string };
  /** What the store is to the AI workload, for reasons. */
  role: string;
}

export interface Inventory {
  stores: DataStore[];
  /** Sources whose evidence could not be read here: stores may be missing. */
  unreadable: string[];
  records: EvidenceRecord[];
}

type Source = (ctx: RuleContext<Keys>, at: Target) => { noun: string; listed: Listed<DataStore> };

const rdsClusters: Source = (ctx, at) => ({
  noun: 'RDS DB clusters',
  listed: mapItems(listAt(ctx, 'rds.DescribeDBClusters', at, (r) => r.DBClusters), (c) =>
    c.DBClusterIdentifier && c.DBClusterArn ? [{ resource: { type: 'AWS::RDS::DBCluster', id: c.DBClusterIdentifier, arn: c.DBClusterArn }, role: 'database' }] : []),
});

// Cluster members are backed up with their cluster.
const rdsInstances: Source = (ctx, at) => ({
  noun: 'RDS DB instances',
  listed: mapItems(listAt(ctx, 'rds.DescribeDBInstances', at, (r) => r.DBInstances), (i) =>
    !i.DBClusterIdentifier && i.DBInstanceIdentifier && i.DBInstanceArn ? [{ resource: { type: 'AWS::RDS::DBInstance', id: i.DBInstanceIdentifier, arn: i.DBInstanceArn }, role: 'database' }] : []),
});

const dynamoTables: Source = (ctx, at) => ({
  noun: 'DynamoDB tables',
  listed: mapItems(listAt(ctx, 'dynamodb.ListTables', at, (r) => r.TableNames), (name) => [
    { resource: { type: 'AWS::DynamoDB::Table', id: name, arn: `arn:aws:dynamodb:${at.region}:${at.account}:table/${name}` }, role: 'table' },
  ]),
});

const efsFileSystems: Source = (ctx, at) => ({
  noun: 'EFS file systems',
  listed: mapItems(listAt(ctx, 'efs.DescribeFileSystems', at, (r) => r.FileSystems), (f) =>
    f.FileSystemId && f.FileSystemArn ? [{ resource: { type: 'AWS::EFS::FileSystem', id: f.FileSystemId, arn: f.FileSystemArn }, role: 'file system' }] : []),
});

const fsxFileSystems: Source = (ctx, at) => ({
  noun: 'FSx file systems',
  listed: mapItems(listAt(ctx, 'fsx.DescribeFileSystems', at, (r) => r.FileSystems), (f) =>
    f.FileSystemId && f.ResourceARN ? [{ resource: { type: 'AWS::FSx::FileSystem', id: f.FileSystemId, arn: f.ResourceARN }, role: 'file system' }] : []),
});

/** Buckets named by the S3 training inputs of the training jobs judged (the most recent page). */
const trainingBuckets: Source = (ctx, at) => {
  const jobs = listAt(ctx, 'sagemaker.ListTrainingJobs', at, (r) => r.TrainingJobSummaries, { ...RECENT_TRAINING_JOBS_INPUT });
  if (!jobs.ok) return { noun: 'SageMaker training jobs', listed: jobs };
  const records = [...jobs.records];
  const buckets = new Map<string, DataStore>();
  for (const job of jobs.items) {
    const described = ctx.evidence.call('sagemaker.DescribeTrainingJob', at, { TrainingJobName: job.TrainingJobName });
    records.push(...described.records);
    if (described.state !== 'ok') return { noun: 'SageMaker training jobs', listed: { ok: false, error: described.error, records } };
    for (const input of described.responses[0]?.InputDataConfig ?? []) {
      const bucket = /^s3:\/\/([^/]+)/.exec(input.DataSource?.S3DataSource?.S3Uri ?? '')?.[1];
      if (bucket) buckets.set(bucket, { resource: { type: 'AWS::S3::Bucket', id: bucket, arn: `arn:aws:s3:::${bucket}` }, role: `training data of ${job.TrainingJobName}` });
    }
  }
  return { noun: 'SageMaker training jobs', listed: { ok: true, items: [...buckets.values()], records } };
};

const SOURCES: readonly Source[] = [rdsClusters, rdsInstances, dynamoTables, efsFileSystems, fsxFileSystems, trainingBuckets];

function mapItems<T>(listed: Listed<T>, f: (item: T) => DataStore[]): Listed<DataStore> {
  return listed.ok ? { ...listed, items: listed.items.flatMap(f) } : listed;
}

/** Every AI data store found at `at`, and the sources that could not be read there. */
export function aiDataStores(ctx: RuleContext<Keys>, at: Target): Inventory {
  const out: Inventory = { stores: [], unreadable: [], records: [] };
  for (const source of SOURCES) {
    const { noun, listed } = source(ctx, at);
    out.records.push(...listed.records);
    if (listed.ok) out.stores.push(...listed.items);
    else out.unreadable.push(`${noun} (${listed.error})`);
  }
  return out;
}
