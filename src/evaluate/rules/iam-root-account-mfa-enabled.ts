// The root user must have MFA (GetAccountSummary's AccountMFAEnabled = 1).
import { globalTargets } from '../aws/iam-authorization.ts';
import { fail, judgeCall, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'iam-root-account-mfa-enabled',
  evaluate: (ctx) =>
    globalTargets(ctx).map((where) =>
      judgeCall(ctx, where, { type: 'AWS::IAM::RootUser', id: `${where.account}/root`, arn: `arn:aws:iam::${where.account}:root` }, ctx.evidence.call('iam.GetAccountSummary', where), {
        ok: (r) => {
          const v = r?.SummaryMap?.AccountMFAEnabled;
          if (v === undefined) return { status: 'unknown', reason: 'GetAccountSummary did not report AccountMFAEnabled.' };
          return v === 1 ? pass('The root user has MFA enabled.') : fail('The root user has no MFA device: the account can be taken over with its password alone.');
        },
      }),
    ),
};
