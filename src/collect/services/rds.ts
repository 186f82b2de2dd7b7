// RDS and Aurora (regional): DB instances and DB clusters. The describe calls carry every setting the
// rules judge (encryption, public access, backups, deletion protection), so no per-resource call is made.
// They also list DocumentDB and Neptune instances and clusters, which share the RDS API.
import { allPages, type Collector } from '../collector.ts';

const instances: Collector = {
  name: 'rds.db-instances',
  service: 'rds',
  scope: 'regional',
  produces: ['rds.DescribeDBInstances'],
  async collect(ctx) {
    const { paginateDescribeDBInstances } = await import('@aws-sdk/client-rds');
    await allPages(paginateDescribeDBInstances({ client: await ctx.client('rds'), pageSize: 100 }, {}));
  },
};

const clusters: Collector = {
  name: 'rds.db-clusters',
  service: 'rds',
  scope: 'regional',
  produces: ['rds.DescribeDBClusters'],
  async collect(ctx) {
    const { paginateDescribeDBClusters } = await import('@aws-sdk/client-rds');
    await allPages(paginateDescribeDBClusters({ client: await ctx.client('rds'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [instances, clusters];
