import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'securityhub-enabled',
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'securityhub.DescribeHub', {
      ok: (r) => pass(`Security Hub is enabled (${r.HubArn}, subscribed ${r.SubscribedAt ?? 'n/a'}).`),
      notConfigured: (e) => fail(`Security Hub is not enabled in this region (${e}).`),
    }),
};
