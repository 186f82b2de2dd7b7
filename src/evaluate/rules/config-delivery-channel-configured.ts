import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'config-delivery-channel-configured',
  evidence: ['config-service.DescribeDeliveryChannels'],
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'config-service.DescribeDeliveryChannels', {
      ok: (r) => {
        const channel = (r.DeliveryChannels ?? []).find((c: { s3BucketName?: string }) => c.s3BucketName);
        return channel
          ? pass(`Delivery channel ${channel.name} delivers configuration history and snapshots to s3://${channel.s3BucketName}${channel.s3KeyPrefix ? `/${channel.s3KeyPrefix}` : ''}.`)
          : fail('No AWS Config delivery channel: recorded configuration history is not delivered to S3 for retention.');
      },
    }),
});
