// Security Hub: subscription (DescribeHub) and enabled standards, per region.
import { allPages, type Collector } from '../collector.ts';

const hub: Collector = {
  name: 'securityhub.hub',
  service: 'securityhub',
  scope: 'regional',
  produces: ['securityhub.DescribeHub', 'securityhub.GetEnabledStandards'],
  async collect(ctx) {
    const { DescribeHubCommand, paginateGetEnabledStandards } = await import('@aws-sdk/client-securityhub');
    const client = await ctx.client('securityhub');
    await ctx.attempt(() => client.send(new DescribeHubCommand({})));
    await allPages(paginateGetEnabledStandards({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [hub];
