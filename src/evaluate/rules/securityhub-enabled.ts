import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'securityhub-enabled',
  evidence: ['securityhub.DescribeHub'],
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'securityhub.DescribeHub', {
      // An answer without a hub ARN proves nothing either way.
      ok: (r) => (r?.HubArn ? pass(`Security Hub is enabled (${r.HubArn}, subscribed ${r.SubscribedAt ?? 'n/a'}).`) : unknown('DescribeHub answered without a hub ARN.')),
      notConfigured: (e) => fail(`Security Hub is not enabled in this region (${e}).`),
    }),
});
