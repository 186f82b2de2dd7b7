import { accountResource, fail, judgeCall, pass, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// A hub with no standard enabled aggregates findings but assesses nothing against a benchmark.
export const rule = defineRule({
  controlId: 'securityhub-standards-enabled',
  evidence: ['securityhub.GetEnabledStandards'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      judgeCall(ctx, where, accountResource(where), ctx.evidence.call('securityhub.GetEnabledStandards', where), {
        notConfigured: (error) => fail(`Security Hub is not enabled here, so no standard is enabled (${error}).`),
        ok: (r) => {
          const subs = r.StandardsSubscriptions ?? [];
          const ready = subs.filter((s) => s.StandardsStatus === 'READY');
          const name = (arn: string | undefined) => (arn ?? '(no ARN)').replace(/^arn:[^:]+:securityhub:[^:]*:[^:]*:(standards|ruleset)\//, '');
          if (ready.length) return pass(`Enabled standards: ${ready.map((s) => name(s.StandardsArn)).join(', ')}.`);
          return fail(subs.length ? `No standard is ready: ${subs.map((s) => `${name(s.StandardsArn)} ${s.StandardsStatus}`).join(', ')}.` : 'No security standard is enabled: resources are not assessed against any benchmark.');
        },
      }),
    ),
});
