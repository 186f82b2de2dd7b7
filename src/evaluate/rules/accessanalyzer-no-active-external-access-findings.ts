// Access Analyzer's active findings are resources shared outside the zone of trust (public buckets,
// keys or roles trusted by other accounts) that nobody has archived as intended or fixed. Where no
// active analyzer exists, external access is not being watched at all: fail.
import { externalAccessAnalyzers, isActive } from '../aws/access-analyzers.ts';
import { accountResource, listAt, required, targets, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const ACTIVE_FILTER = { status: { eq: ['ACTIVE'] } };

export const rule = defineRule({
  controlId: 'accessanalyzer-no-active-external-access-findings',
  evidence: ['accessanalyzer.ListAnalyzers', 'accessanalyzer.ListFindingsV2'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where) =>
      whenListed(ctx, where, accountResource(where), 'Access Analyzer analyzers', externalAccessAnalyzers(ctx, where), (all, analyzerRecords) => {
        const active = all.filter(isActive);
        if (active.length === 0) return ctx.finding('fail', where, accountResource(where), `No active external-access analyzer in ${where.account}/${where.region}: external access is not being reviewed.`, analyzerRecords);
        return active.flatMap((analyzer) => {
          const resource = { type: 'AWS::AccessAnalyzer::Analyzer', id: analyzer.name ?? analyzer.arn ?? '(unnamed analyzer)', arn: analyzer.arn };
          const findings = listAt(ctx, 'accessanalyzer.ListFindingsV2', where, (r) => required(r, 'findings', 'ListFindingsV2'), { analyzerArn: analyzer.arn, filter: ACTIVE_FILTER });
          return whenListed(ctx, where, resource, `active findings of ${analyzer.name}`, findings, (open, records) =>
            open.length
              ? ctx.finding('fail', where, resource, `${open.length} active external-access finding(s) await review: ${open.slice(0, 5).map((f) => `${f.resourceType ?? ''} ${f.resource ?? ''}`.trim()).join(', ')}${open.length > 5 ? ', ...' : ''}.`, records)
              : ctx.finding('pass', where, resource, `Analyzer ${analyzer.name} has no active external-access findings.`, records),
          analyzerRecords);
        });
      }),
    ),
});
