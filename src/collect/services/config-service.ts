// AWS Config: recorders, whether they are recording, and where they deliver (per region).
import type { Collector } from '../collector.ts';

const recorders: Collector = {
  name: 'config-service.recorders',
  service: 'config-service',
  scope: 'regional',
  produces: ['config-service.DescribeConfigurationRecorders', 'config-service.DescribeConfigurationRecorderStatus', 'config-service.DescribeDeliveryChannels'],
  async collect(ctx) {
    const { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, DescribeDeliveryChannelsCommand } = await import('@aws-sdk/client-config-service');
    const client = await ctx.client('config-service');
    // None of the three is paginated: a region has at most one customer recorder and one channel.
    await ctx.attempt(() => client.send(new DescribeConfigurationRecordersCommand({})));
    await ctx.attempt(() => client.send(new DescribeConfigurationRecorderStatusCommand({})));
    await ctx.attempt(() => client.send(new DescribeDeliveryChannelsCommand({})));
  },
};

export const collectors: Collector[] = [recorders];
