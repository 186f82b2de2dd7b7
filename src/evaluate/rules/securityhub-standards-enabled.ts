import { accountResource, targets } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

// A hub with no standard enabled aggregates findings but assesses nothing against a benchmark.
export const rule: Rule = {
  controlId: 'securityhub-standards-enabled',
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const res = accountResource(where);
      const call = ctx.evidence.call('securityhub.GetEnabledStandards', where);
      if (call.state === 'not_configured') return ctx.finding('fail', where, res, `Security Hub is not enabled here, so no standard is enabled (${call.error}).`, call.records);
      if (call.state !== 'ok') return ctx.finding('unknown', where, res, call.error, call.records);
      const subs = call.responses.flatMap((r) => r.StandardsSubscriptions ?? []);
      const ready = subs.filter((s: any) => s.StandardsStatus === 'READY');
      const name = (arn: string) => arn.replace(/^arn:[^:]+:securityhub:[^:]*:[^:]*:(standards|ruleset)\//, '');
      if (ready.length) return ctx.finding('pass', where, res, `Enabled standards: ${ready.map((s: any) => name(s.StandardsArn)).join(', ')}.`, call.records);
      return ctx.finding('fail', where, res, subs.length ? `No standard is ready: ${subs.map((s: any) => `${name(s.StandardsArn)} ${s.StandardsStatus}`).join(', ')}.` : 'No security standard is enabled: resources are not assessed against any benchmark.', call.records);
    }),
};
