// Security Hub: subscription (DescribeHub) and enabled standards, per region.
import { DescribeHubCommand, paginateGetEnabledStandards } from '@aws-sdk/client-securityhub';
import { allPages, type Collector } from '../collector.ts';

const hub: Collector = {
  name: 'securityhub.hub',
  service: 'securityhub',
  scope: 'regional',
  produces: ['securityhub.DescribeHub', 'securityhub.GetEnabledStandards'],
  async collect(ctx) {
    const client = ctx.client('securityhub');
    await ctx.attempt(() => client.send(new DescribeHubCommand({})));
    await allPages(paginateGetEnabledStandards({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [hub];
