// The root user must have no access keys (GetAccountSummary's AccountAccessKeysPresent = 0): root keys
// cannot be limited by any policy.
import { judgeRootUserCounter } from '../aws/iam-root-user.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'iam-root-account-no-access-keys',
  evidence: ['iam.GetAccountSummary'],
  evaluate: (ctx) =>
    judgeRootUserCounter(ctx, 'AccountAccessKeysPresent', (v) =>
      v === 0 ? pass('The root user has no access keys.') : fail('The root user has access keys: unrestricted long-term credentials for the whole account.'),
    ),
});
