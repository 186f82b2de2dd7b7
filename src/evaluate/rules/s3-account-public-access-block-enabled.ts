// The account-level S3 public access block (s3-control) has all four settings on, so no bucket of the
// account, present or future, can be made public. No configuration is a fail.
import { globalTargets } from '../aws/iam-authorization.ts';
import { accountResource, fail, judgeCall, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export const rule = defineRule({
  controlId: 's3-account-public-access-block-enabled',
  evidence: ['s3-control.GetPublicAccessBlock'],
  evaluate: (ctx) =>
    globalTargets(ctx).map((where) =>
      judgeCall(ctx, where, accountResource(where), ctx.evidence.call('s3-control.GetPublicAccessBlock', where, { AccountId: where.account }), {
        ok: (r) => {
          const off = SETTINGS.filter((s) => r?.PublicAccessBlockConfiguration?.[s] !== true);
          return off.length ? fail(`The account-level public access block does not set ${off.join(', ')}.`) : pass('The account-level public access block has all four settings on.');
        },
        notConfigured: () => fail('The account has no account-level S3 public access block: any bucket can be made public by its own settings.'),
      }),
    ),
});
