// The account password policy must exist and require at least 14 characters and prevent reuse of the
// last 24 passwords (CIS AWS Foundations 1.8 / 1.9). No policy at all (NoSuchEntity) is a fail.
import { accountResource, fail, judgeCall, pass } from '../rule-helpers.ts';
import { globalTargets } from '../aws/iam-authorization.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

const MIN_LENGTH = RULE_THRESHOLDS.passwordMinLength;
const MIN_REUSE_PREVENTION = RULE_THRESHOLDS.passwordReusePrevention;

export const rule = defineRule({
  controlId: 'iam-password-policy-strong',
  evidence: ['iam.GetAccountPasswordPolicy'],
  evaluate: (ctx) =>
    globalTargets(ctx).map((where) =>
      judgeCall(ctx, where, accountResource(where), ctx.evidence.call('iam.GetAccountPasswordPolicy', where), {
        ok: (r) => {
          const p = r?.PasswordPolicy ?? {};
          const gaps: string[] = [];
          if ((p.MinimumPasswordLength ?? 0) < MIN_LENGTH) gaps.push(`minimum length ${p.MinimumPasswordLength ?? 'unset'} (< ${MIN_LENGTH})`);
          if ((p.PasswordReusePrevention ?? 0) < MIN_REUSE_PREVENTION) gaps.push(`reuse prevention ${p.PasswordReusePrevention ?? 'unset'} (< ${MIN_REUSE_PREVENTION})`);
          return gaps.length ? fail(`The password policy is too weak: ${gaps.join(', ')}.`) : pass(`The password policy requires ${p.MinimumPasswordLength} characters and prevents reuse of the last ${p.PasswordReusePrevention} passwords.`);
        },
        notConfigured: () => fail('The account has no password policy: IAM defaults allow short, reused passwords.'),
      }),
    ),
});
