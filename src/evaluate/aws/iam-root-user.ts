// The root user's counters in IAM's GetAccountSummary (e.g. AccountMFAEnabled), judged once per account.
import type { Finding, ResourceRef } from '../finding.ts';
import { judgeCall, unknown, type Verdict } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { globalTargets } from './iam-authorization.ts';

export function rootUserResource(account: string): ResourceRef {
  return { type: 'AWS::IAM::RootUser', id: `${account}/root`, arn: `arn:aws:iam::${account}:root` };
}

/** Judges one SummaryMap counter in every account; a summary that does not report it is `unknown`, never a pass. */
export function judgeRootUserCounter(ctx: RuleContext<'iam.GetAccountSummary'>, counter: 'AccountMFAEnabled' | 'AccountAccessKeysPresent', judge: (value: number) => Verdict): Finding[] {
  return globalTargets(ctx).map((where) =>
    judgeCall(ctx, where, rootUserResource(where.account), ctx.evidence.call('iam.GetAccountSummary', where), {
      ok: (r) => {
        const value = r.SummaryMap?.[counter];
        if (value === undefined) return unknown(`GetAccountSummary did not report ${counter}.`);
        return judge(value);
      },
    }),
  );
}
