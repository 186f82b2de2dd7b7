// The root user must have no access keys (GetAccountSummary's AccountAccessKeysPresent = 0): root keys
// cannot be limited by any policy.
import { globalTargets } from '../aws/iam-authorization.ts';
import { fail, judgeCall, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'iam-root-account-no-access-keys',
  evaluate: (ctx) =>
    globalTargets(ctx).map((where) =>
      judgeCall(ctx, where, { type: 'AWS::IAM::RootUser', id: `${where.account}/root`, arn: `arn:aws:iam::${where.account}:root` }, ctx.evidence.call('iam.GetAccountSummary', where), {
        ok: (r) => {
          const v = r?.SummaryMap?.AccountAccessKeysPresent;
          if (v === undefined) return { status: 'unknown', reason: 'GetAccountSummary did not report AccountAccessKeysPresent.' };
          return v === 0 ? pass('The root user has no access keys.') : fail('The root user has access keys: unrestricted long-term credentials for the whole account.');
        },
      }),
    ),
};
