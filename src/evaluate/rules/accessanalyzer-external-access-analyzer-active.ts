// Every region in scope has an ACTIVE IAM Access Analyzer for external access (account or
// organization zone of trust). A region without one, or with only failed/creating ones, fails.
import { externalAccessAnalyzers } from '../aws/access-analyzers.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'accessanalyzer-external-access-analyzer-active',
  evidence: ['accessanalyzer.ListAnalyzers'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const a = externalAccessAnalyzers(ctx, where);
      const here = `${where.account}/${where.region}`;
      if (!a.ok) return ctx.finding('unknown', where, accountResource(where), `Could not list Access Analyzer analyzers: ${a.error}`, a.records);
      if (a.active.length) return ctx.finding('pass', where, accountResource(where), `Active external-access analyzer(s) in ${here}: ${a.active.map((x) => `${x.name} (${x.type})`).join(', ')}.`, a.records);
      const inactive = a.all.map((x) => `${x.name} is ${x.status}${x.statusReason?.code ? ` (${x.statusReason.code})` : ''}`);
      return ctx.finding('fail', where, accountResource(where), `No active external-access analyzer in ${here}${inactive.length ? `: ${inactive.join(', ')}` : ''}.`, a.records);
    }),
});
