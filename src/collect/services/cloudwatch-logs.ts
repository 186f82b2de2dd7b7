// CloudWatch Logs: log groups (the list carries key and retention) and metric filters (for alarms on
// CloudTrail events), per region.
import { allPages, type Collector } from '../collector.ts';

const logGroups: Collector = {
  name: 'cloudwatch-logs.log-groups',
  service: 'cloudwatch-logs',
  scope: 'regional',
  produces: ['cloudwatch-logs.DescribeLogGroups'],
  async collect(ctx) {
    const { paginateDescribeLogGroups } = await import('@aws-sdk/client-cloudwatch-logs');
    const client = await ctx.client('cloudwatch-logs');
    await allPages(paginateDescribeLogGroups({ client }, {}));
  },
};

const metricFilters: Collector = {
  name: 'cloudwatch-logs.metric-filters',
  service: 'cloudwatch-logs',
  scope: 'regional',
  produces: ['cloudwatch-logs.DescribeMetricFilters'],
  async collect(ctx) {
    const { paginateDescribeMetricFilters } = await import('@aws-sdk/client-cloudwatch-logs');
    const client = await ctx.client('cloudwatch-logs');
    await allPages(paginateDescribeMetricFilters({ client }, {}));
  },
};

export const collectors: Collector[] = [logGroups, metricFilters];
