// How RDS and Aurora databases appear in evidence. A "database" is a DB cluster (Aurora, Multi-AZ DB
// cluster) or a DB instance outside any cluster: a cluster member's storage, backups and deletion
// protection are the cluster's, so it is judged there and not twice.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { forEachListedIn } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { guarded, judged, listAt, required, type Listed, type Verdict } from '../rule-helpers.ts';
import { eachListedItem } from './listed-verdicts.ts';

export type DbInstance = NonNullable<EvidenceResponse<'rds.DescribeDBInstances'>['DBInstances']>[number];
export type DbCluster = NonNullable<EvidenceResponse<'rds.DescribeDBClusters'>['DBClusters']>[number];

/** The settings a database (cluster or standalone instance) shares, as both APIs name them. */
export interface RdsDatabase {
  kind: 'DB cluster' | 'DB instance';
  /** Names the database; throws AbsentField when the identifier is missing. */
  resource: () => ResourceRef;
  settings: Pick<DbInstance & DbCluster, 'StorageEncrypted' | 'BackupRetentionPeriod' | 'DeletionProtection' | 'Engine' | 'IAMDatabaseAuthenticationEnabled'>;
}

type RdsKeys = 'rds.DescribeDBInstances' | 'rds.DescribeDBClusters';

function instanceResource(i: DbInstance): ResourceRef {
  return { type: 'AWS::RDS::DBInstance', id: required(i, 'DBInstanceIdentifier', 'A DB instance'), arn: i.DBInstanceArn };
}

function mapped<T, U>(listed: Listed<T>, f: (item: T) => U): Listed<U> {
  return listed.ok ? { ...listed, items: listed.items.map(f) } : listed;
}

/**
 * Every DB cluster and every DB instance that belongs to none, as one population per region; `applies`
 * keeps the databases a control is about (a region where it keeps none is not_applicable).
 */
export function eachRdsDatabase(ctx: RuleContext<RdsKeys>, judge: (db: RdsDatabase, at: Target) => Verdict, applies: (db: RdsDatabase) => boolean = () => true): Finding[] {
  const kept = (listed: Listed<RdsDatabase>): Listed<RdsDatabase> => (listed.ok ? { ...listed, items: listed.items.filter(applies) } : listed);
  const lists = [
    {
      noun: 'RDS DB clusters',
      list: (at: Target) =>
        kept(mapped(listAt(ctx, 'rds.DescribeDBClusters', at, (r) => r.DBClusters), (c): RdsDatabase => ({ kind: 'DB cluster', resource: () => ({ type: 'AWS::RDS::DBCluster', id: required(c, 'DBClusterIdentifier', 'A DB cluster'), arn: c.DBClusterArn }), settings: c }))),
    },
    {
      noun: 'RDS DB instances',
      list: (at: Target) =>
        kept(mapped(listAt(ctx, 'rds.DescribeDBInstances', at, (r) => (r.DBInstances ?? []).filter((i) => !i.DBClusterIdentifier)), (i): RdsDatabase => ({ kind: 'DB instance', resource: () => instanceResource(i), settings: i }))),
    },
  ];
  return forEachListedIn(ctx, lists, 'RDS databases (DB clusters or standalone DB instances)', (db, at, records) => {
    const resource = db.resource();
    return guarded(ctx, at, resource, records, () => judged(ctx, at, resource, judge(db, at), records));
  });
}

/** Every DB instance, cluster members included (settings of the instance itself, e.g. its endpoint). */
export function eachDbInstance(ctx: RuleContext<'rds.DescribeDBInstances'>, judge: (i: DbInstance, at: Target) => Verdict): Finding[] {
  return eachListedItem(ctx, { key: 'rds.DescribeDBInstances', scope: 'regional', items: (r) => r.DBInstances, noun: 'RDS DB instances', resource: instanceResource }, judge);
}
