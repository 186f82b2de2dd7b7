// EFS (regional): file systems, e.g. SageMaker Studio home directories. DescribeFileSystems carries
// whether each is encrypted at rest and with which key.
import { paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import { allPages, type Collector } from '../collector.ts';

const fileSystems: Collector = {
  name: 'efs.file-systems',
  service: 'efs',
  scope: 'regional',
  produces: ['efs.DescribeFileSystems'],
  async collect(ctx) {
    await allPages(paginateDescribeFileSystems({ client: ctx.client('efs'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [fileSystems];
