import { describe, expect, it } from 'vitest';
import { rule } from '../../src/evaluate/rules/backup-ai-data-stores-protected.ts';
import { failed, ok, runRule, TEST_TIME } from '../helpers/evidence.ts';

const ago = (days: number) => new Date(new Date(TEST_TIME).getTime() - days * 86_400_000).toISOString();
const JOBS_INPUT = { SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 };
const TABLE_ARN = 'arn:aws:dynamodb:eu-west-1:111122223333:table/features';
const empty = [
  ok('rds.DescribeDBClusters', { DBClusters: [] }),
  ok('rds.DescribeDBInstances', { DBInstances: [{ DBInstanceIdentifier: 'member', DBInstanceArn: 'arn:aws:rds:eu-west-1:111122223333:db:member', DBClusterIdentifier: 'c' }] }),
  ok('efs.DescribeFileSystems', { FileSystems: [] }),
  ok('fsx.DescribeFileSystems', { FileSystems: [] }),
  ok('sagemaker.ListTrainingJobs', { TrainingJobSummaries: [] }, { input: JOBS_INPUT }),
];
const tables = (...names: string[]) => ok('dynamodb.ListTables', { TableNames: names });
const protectedList = (...items: { arn: string; days?: number }[]) => ok('backup.ListProtectedResources', { Results: items.map((i) => ({ ResourceArn: i.arn, LastBackupTime: i.days === undefined ? undefined : ago(i.days) })) });
const result = (records: Parameters<typeof runRule>[1]) => runRule(rule, records).map((f) => [f.resource.id, f.status]);

describe('backup-ai-data-stores-protected', () => {
  it('passes a store with a recent recovery point, fails one without or with an old one; cluster members are judged with their cluster', () => {
    expect(result([...empty, tables('features'), protectedList({ arn: TABLE_ARN, days: 35 })])).toEqual([['features', 'pass']]);
    expect(result([...empty, tables('features'), protectedList({ arn: TABLE_ARN, days: 36 })])).toEqual([['features', 'fail']]);
    expect(result([...empty, tables('features'), protectedList()])).toEqual([['features', 'fail']]);
  });

  it('judges EFS and FSx file systems by the ARNs AWS Backup names them with', () => {
    const efsArn = 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-home';
    const fsxArn = 'arn:aws:fsx:eu-west-1:111122223333:file-system/fs-0train';
    const stores = [
      ...empty.filter((r) => r.key !== 'efs.DescribeFileSystems' && r.key !== 'fsx.DescribeFileSystems'),
      ok('efs.DescribeFileSystems', { FileSystems: [{ FileSystemId: 'fs-home', FileSystemArn: efsArn }] }),
      ok('fsx.DescribeFileSystems', { FileSystems: [{ FileSystemId: 'fs-0train', ResourceARN: fsxArn }] }),
      tables(),
    ];
    expect(result([...stores, protectedList({ arn: efsArn, days: 2 })])).toEqual([['fs-home', 'pass'], ['fs-0train', 'fail']]);
  });

  it('finds the S3 buckets training jobs read, and is not_applicable with no store', () => {
    const jobs = [
      ok('sagemaker.ListTrainingJobs', { TrainingJobSummaries: [{ TrainingJobName: 'j' }] }, { input: JOBS_INPUT }),
      ok('sagemaker.DescribeTrainingJob', { InputDataConfig: [{ DataSource: { S3DataSource: { S3Uri: 's3://train-bucket/prefix/' } } }] }, { input: { TrainingJobName: 'j' } }),
    ];
    expect(result([...empty.slice(0, 4), ...jobs, tables(), protectedList({ arn: 'arn:aws:s3:::train-bucket', days: 1 })])).toEqual([['train-bucket', 'pass']]);
    expect(runRule(rule, [...empty, tables(), protectedList()]).map((f) => f.status)).toEqual(['not_applicable']);
  });

  it('is unknown when the protected list or a store source cannot be read, or the last backup time is missing', () => {
    expect(result([...empty, tables('features'), failed('backup.ListProtectedResources')])).toEqual([['features', 'unknown']]);
    expect(result([...empty, tables('features'), protectedList({ arn: TABLE_ARN })])).toEqual([['features', 'unknown']]);
    expect(result([...empty, failed('dynamodb.ListTables'), protectedList()])).toEqual([['111122223333/eu-west-1', 'unknown']]);
  });
});
