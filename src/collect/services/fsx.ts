// FSx (regional): file systems of every type (Lustre for training data, Windows, ONTAP, OpenZFS).
// DescribeFileSystems carries the KMS key each encrypts its data with.
import { allPages, type Collector } from '../collector.ts';

const fileSystems: Collector = {
  name: 'fsx.file-systems',
  service: 'fsx',
  scope: 'regional',
  produces: ['fsx.DescribeFileSystems'],
  async collect(ctx) {
    const { paginateDescribeFileSystems } = await import('@aws-sdk/client-fsx');
    await allPages(paginateDescribeFileSystems({ client: await ctx.client('fsx'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [fileSystems];
