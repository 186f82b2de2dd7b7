// Every region in scope has an ACTIVE IAM Access Analyzer for external access (account or
// organization zone of trust). A region without one, or with only failed/creating ones, fails.
import { externalAccessAnalyzers, isActive } from '../aws/access-analyzers.ts';
import { accountResource, targets, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'accessanalyzer-external-access-analyzer-active',
  evidence: ['accessanalyzer.ListAnalyzers'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where) => {
      const here = `${where.account}/${where.region}`;
      return whenListed(ctx, where, accountResource(where), 'Access Analyzer analyzers', externalAccessAnalyzers(ctx, where), (all, records) => {
        const active = all.filter(isActive);
        if (active.length) return ctx.finding('pass', where, accountResource(where), `Active external-access analyzer(s) in ${here}: ${active.map((x) => `${x.name} (${x.type})`).join(', ')}.`, records);
        const inactive = all.map((x) => `${x.name} is ${x.status}${x.statusReason?.code ? ` (${x.statusReason.code})` : ''}`);
        return ctx.finding('fail', where, accountResource(where), `No active external-access analyzer in ${here}${inactive.length ? `: ${inactive.join(', ')}` : ''}.`, records);
      });
    }),
});
