// Active IAM user access keys must be younger than the configured maximum age (accessKeyMaxAgeDays):
// long-lived keys leak through laptops, CI logs and repositories.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { forEachAccountDetails, userResource } from '../aws/iam-authorization.ts';
import { daysBetween, fail, judgeCall, pass, required, toDate, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'iam-access-keys-rotated',
  evidence: ['iam.GetAccountAuthorizationDetails', 'iam.ListAccessKeys'],
  evaluate(ctx) {
    const { now, accessKeyMaxAgeDays: maxAge } = ctx.params;
    return forEachAccountDetails(ctx, 'The account has no IAM users.', (d, where) =>
      d.users.map((user) => {
        const call = ctx.evidence.call('iam.ListAccessKeys', where, { UserName: user.UserName });
        const judge = (listed: EvidenceResponse<'iam.ListAccessKeys'>): Verdict => {
          const keys = required(listed, 'AccessKeyMetadata', 'ListAccessKeys').filter((k) => required(k, 'Status', `Access key ${k.AccessKeyId}`) === 'Active');
          if (keys.length === 0) return pass(`User ${user.UserName} has no active access key.`);
          const ages = keys.map((k) => ({ id: k.AccessKeyId, created: toDate(k.CreateDate) }));
          const undated = ages.filter((a) => !a.created);
          if (undated.length) return unknown(`Access key ${undated[0]!.id} of ${user.UserName} has no readable creation date.`);
          const old = ages.map((a) => ({ ...a, days: daysBetween(a.created!, now) })).filter((a) => a.days > maxAge);
          return old.length
            ? fail(`User ${user.UserName} has active access key(s) older than ${maxAge} days: ${old.map((a) => `${a.id} (${a.days} days)`).join(', ')}.`)
            : pass(`The ${keys.length} active access key(s) of ${user.UserName} are at most ${maxAge} days old.`);
        };
        return judgeCall(ctx, where, userResource(user), call, { ok: judge });
      }),
    );
  },
});
