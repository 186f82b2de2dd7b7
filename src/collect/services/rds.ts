// RDS and Aurora (regional): DB instances and DB clusters. The describe calls carry every setting the
// rules judge (encryption, public access, backups, deletion protection), so no per-resource call is made.
// They also list DocumentDB and Neptune instances and clusters, which share the RDS API.
import { paginateDescribeDBClusters, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import { allPages, type Collector } from '../collector.ts';

const instances: Collector = {
  name: 'rds.db-instances',
  service: 'rds',
  scope: 'regional',
  produces: ['rds.DescribeDBInstances'],
  async collect(ctx) {
    await allPages(paginateDescribeDBInstances({ client: ctx.client('rds'), pageSize: 100 }, {}));
  },
};

const clusters: Collector = {
  name: 'rds.db-clusters',
  service: 'rds',
  scope: 'regional',
  produces: ['rds.DescribeDBClusters'],
  async collect(ctx) {
    await allPages(paginateDescribeDBClusters({ client: ctx.client('rds'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [instances, clusters];
