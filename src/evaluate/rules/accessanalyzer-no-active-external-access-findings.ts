// Access Analyzer's active findings are resources shared outside the zone of trust (public buckets,
// keys or roles trusted by other accounts) that nobody has archived as intended or fixed. Where no
// active analyzer exists, external access is not being watched at all: fail.
import { externalAccessAnalyzers } from '../aws/access-analyzers.ts';
import { accountResource, guarded, required, targets } from '../rule-helpers.ts';
import type { Finding } from '../finding.ts';
import { defineRule } from '../rule.ts';

const ACTIVE_FILTER = { status: { eq: ['ACTIVE'] } };

export const rule = defineRule({
  controlId: 'accessanalyzer-no-active-external-access-findings',
  evidence: ['accessanalyzer.ListAnalyzers', 'accessanalyzer.ListFindingsV2'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] => {
      const a = externalAccessAnalyzers(ctx, where);
      if (!a.ok) return [ctx.finding('unknown', where, accountResource(where), `Could not list Access Analyzer analyzers: ${a.error}`, a.records)];
      if (a.active.length === 0) return [ctx.finding('fail', where, accountResource(where), `No active external-access analyzer in ${where.account}/${where.region}: external access is not being reviewed.`, a.records)];
      return a.active.flatMap((analyzer) => {
        const resource = { type: 'AWS::AccessAnalyzer::Analyzer', id: analyzer.name ?? analyzer.arn ?? '(unnamed analyzer)', arn: analyzer.arn };
        const call = ctx.evidence.call('accessanalyzer.ListFindingsV2', where, { analyzerArn: analyzer.arn, filter: ACTIVE_FILTER });
        const records = [...a.records, ...call.records];
        if (call.state !== 'ok') return ctx.finding('unknown', where, resource, `Could not list active findings of ${analyzer.name}: ${call.error}`, records);
        return guarded(ctx, where, resource, records, () => {
        const open = call.responses.flatMap((r) => required(r, 'findings', 'ListFindingsV2'));
        return open.length
          ? ctx.finding('fail', where, resource, `${open.length} active external-access finding(s) await review: ${open.slice(0, 5).map((f) => `${f.resourceType ?? ''} ${f.resource ?? ''}`.trim()).join(', ')}${open.length > 5 ? ', ...' : ''}.`, records)
          : ctx.finding('pass', where, resource, `Analyzer ${analyzer.name} has no active external-access findings.`, records);
        });
      });
    }),
});
