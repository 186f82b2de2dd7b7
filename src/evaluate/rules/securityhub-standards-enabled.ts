import { accountResource, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// A hub with no standard enabled aggregates findings but assesses nothing against a benchmark.
export const rule = defineRule({
  controlId: 'securityhub-standards-enabled',
  evidence: ['securityhub.GetEnabledStandards'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const res = accountResource(where);
      const call = ctx.evidence.call('securityhub.GetEnabledStandards', where);
      if (call.state === 'not_configured') return ctx.finding('fail', where, res, `Security Hub is not enabled here, so no standard is enabled (${call.error}).`, call.records);
      if (call.state !== 'ok') return ctx.finding('unknown', where, res, call.error, call.records);
      const subs = call.responses.flatMap((r) => r.StandardsSubscriptions ?? []);
      const ready = subs.filter((s) => s.StandardsStatus === 'READY');
      const name = (arn: string | undefined) => (arn ?? '(no ARN)').replace(/^arn:[^:]+:securityhub:[^:]*:[^:]*:(standards|ruleset)\//, '');
      if (ready.length) return ctx.finding('pass', where, res, `Enabled standards: ${ready.map((s) => name(s.StandardsArn)).join(', ')}.`, call.records);
      return ctx.finding('fail', where, res, subs.length ? `No standard is ready: ${subs.map((s) => `${name(s.StandardsArn)} ${s.StandardsStatus}`).join(', ')}.` : 'No security standard is enabled: resources are not assessed against any benchmark.', call.records);
    }),
});
