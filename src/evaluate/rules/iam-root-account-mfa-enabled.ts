// The root user must have MFA (GetAccountSummary's AccountMFAEnabled = 1).
import { judgeRootUserCounter } from '../aws/iam-root-user.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'iam-root-account-mfa-enabled',
  evidence: ['iam.GetAccountSummary'],
  evaluate: (ctx) =>
    judgeRootUserCounter(ctx, 'AccountMFAEnabled', (v) =>
      v === 1 ? pass('The root user has MFA enabled.') : fail('The root user has no MFA device: the account can be taken over with its password alone.'),
    ),
});
