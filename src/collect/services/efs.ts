// EFS (regional): file systems, e.g. SageMaker Studio home directories. DescribeFileSystems carries
// whether each is encrypted at rest and with which key.
import { allPages, type Collector } from '../collector.ts';

const fileSystems: Collector = {
  name: 'efs.file-systems',
  service: 'efs',
  scope: 'regional',
  produces: ['efs.DescribeFileSystems'],
  async collect(ctx) {
    const { paginateDescribeFileSystems } = await import('@aws-sdk/client-efs');
    await allPages(paginateDescribeFileSystems({ client: await ctx.client('efs'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [fileSystems];
