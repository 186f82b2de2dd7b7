import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'securityhub-enabled',
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'securityhub.DescribeHub', {
      // An answer without a hub ARN proves nothing either way.
      ok: (r) => (r?.HubArn ? pass(`Security Hub is enabled (${r.HubArn}, subscribed ${r.SubscribedAt ?? 'n/a'}).`) : { status: 'unknown', reason: 'DescribeHub answered without a hub ARN.' }),
      notConfigured: (e) => fail(`Security Hub is not enabled in this region (${e}).`),
    }),
};
