// RDS and Aurora in the sample account. eu-west-1: the Aurora PostgreSQL feature store (encrypted with the ML
// key, 14 days of backups, deletion protection, two private instances) and the annotation tool's PostgreSQL
// instance (encrypted, 7 days of backups, no deletion protection). us-east-1: a forgotten demo MySQL instance,
// public, unencrypted, one day of backups.
import type { DBCluster, DBInstance, DescribeDBClustersCommandOutput, DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS, NETWORK } from './account.ts';

const EU = 'eu-west-1';
const US = 'us-east-1';
const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

const CLUSTERS: (DBCluster & { region: string })[] = [
  {
    region: EU,
    DBClusterIdentifier: 'acme-clinical-features',
    DBClusterArn: arn('rds', EU, 'cluster:acme-clinical-features'),
    Engine: 'aurora-postgresql',
    EngineVersion: '16.4',
    Status: 'available',
    StorageEncrypted: true,
    KmsKeyId: ML_KEY,
    BackupRetentionPeriod: 14,
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    MultiAZ: true,
    ClusterCreateTime: daysBefore(500),
    DBClusterMembers: [
      { DBInstanceIdentifier: 'acme-clinical-features-1', IsClusterWriter: true },
      { DBInstanceIdentifier: 'acme-clinical-features-2', IsClusterWriter: false },
    ],
  },
];

function instance(region: string, id: string, extra: Partial<DBInstance>): DBInstance & { region: string } {
  return {
    region,
    DBInstanceIdentifier: id,
    DBInstanceArn: arn('rds', region, `db:${id}`),
    DBInstanceStatus: 'available',
    DBInstanceClass: 'db.r6g.large',
    InstanceCreateTime: daysBefore(400),
    DBSubnetGroup: { DBSubnetGroupName: 'private', VpcId: NETWORK[region as keyof typeof NETWORK].vpcId },
    ...extra,
  };
}

const clusterMember = { Engine: 'aurora-postgresql', DBClusterIdentifier: 'acme-clinical-features', StorageEncrypted: true, KmsKeyId: ML_KEY, PubliclyAccessible: false, BackupRetentionPeriod: 14, DeletionProtection: false, IAMDatabaseAuthenticationEnabled: true };

const INSTANCES = [
  instance(EU, 'acme-clinical-features-1', clusterMember),
  instance(EU, 'acme-clinical-features-2', clusterMember),
  instance(EU, 'acme-annotation-db', { Engine: 'postgres', StorageEncrypted: true, KmsKeyId: ML_KEY, PubliclyAccessible: false, BackupRetentionPeriod: 7, DeletionProtection: false, IAMDatabaseAuthenticationEnabled: false, MultiAZ: false }),
  instance(US, 'acme-demo-mysql', { Engine: 'mysql', DBInstanceClass: 'db.t3.micro', StorageEncrypted: false, PubliclyAccessible: true, BackupRetentionPeriod: 1, DeletionProtection: false, IAMDatabaseAuthenticationEnabled: false, MultiAZ: false }),
];

const strip = <T extends { region: string }>({ region: _region, ...rest }: T) => rest;

export function register(sim: SimulatedAws): void {
  sim.on<DescribeDBClustersCommandOutput>('rds.DescribeDBClusters', (_input, t) => ({ DBClusters: CLUSTERS.filter((c) => c.region === t.region).map(strip) }));
  sim.on<DescribeDBInstancesCommandOutput>('rds.DescribeDBInstances', (_input, t) => ({ DBInstances: INSTANCES.filter((i) => i.region === t.region).map(strip) }));
}
