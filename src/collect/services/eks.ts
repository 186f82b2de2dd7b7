// EKS (self-hosted training and inference): every cluster, described (endpoint access, secrets
// encryption and control-plane logging are not in the list).
import { allPages, type Collector } from '../collector.ts';

const clusters: Collector = {
  name: 'eks.clusters',
  service: 'eks',
  scope: 'regional',
  produces: ['eks.ListClusters', 'eks.DescribeCluster'],
  async collect(ctx) {
    const { DescribeClusterCommand, paginateListClusters } = await import('@aws-sdk/client-eks');
    const client = await ctx.client('eks');
    const pages = await allPages(paginateListClusters({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.clusters ?? []);
    await ctx.forEach(names, (name) => client.send(new DescribeClusterCommand({ name })));
  },
};

export const collectors: Collector[] = [clusters];
