// FSx (regional): file systems of every type (Lustre for training data, Windows, ONTAP, OpenZFS).
// DescribeFileSystems carries the KMS key each encrypts its data with.
import { paginateDescribeFileSystems } from '@aws-sdk/client-fsx';
import { allPages, type Collector } from '../collector.ts';

const fileSystems: Collector = {
  name: 'fsx.file-systems',
  service: 'fsx',
  scope: 'regional',
  produces: ['fsx.DescribeFileSystems'],
  async collect(ctx) {
    await allPages(paginateDescribeFileSystems({ client: ctx.client('fsx'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [fileSystems];
