// CloudWatch: metric alarms (the default of DescribeAlarms; to see which CloudTrail metric filters actually alert someone), per region.
import { allPages, type Collector } from '../collector.ts';

const alarms: Collector = {
  name: 'cloudwatch.alarms',
  service: 'cloudwatch',
  scope: 'regional',
  produces: ['cloudwatch.DescribeAlarms'],
  async collect(ctx) {
    const { paginateDescribeAlarms } = await import('@aws-sdk/client-cloudwatch');
    const client = await ctx.client('cloudwatch');
    await allPages(paginateDescribeAlarms({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [alarms];
