// IAM Access Analyzer (regional): the analyzers of each region and the active findings of each
// external-access analyzer (unused-access analyzers report a different kind of finding).
import { allPages, type Collector } from '../collector.ts';

const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const analyzers: Collector = {
  name: 'accessanalyzer.analyzers',
  service: 'accessanalyzer',
  scope: 'regional',
  produces: ['accessanalyzer.ListAnalyzers', 'accessanalyzer.ListFindingsV2'],
  async collect(ctx) {
    const { paginateListAnalyzers, paginateListFindingsV2 } = await import('@aws-sdk/client-accessanalyzer');
    const client = await ctx.client('accessanalyzer');
    const pages = await allPages(paginateListAnalyzers({ client, pageSize: 100 }, {}));
    const active = pages.flatMap((p) => p.analyzers ?? []).filter((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.has(a.type ?? ''));
    await ctx.forEach(active, (a) => allPages(paginateListFindingsV2({ client, pageSize: 100 }, { analyzerArn: a.arn!, filter: { status: { eq: ['ACTIVE'] } } })));
  },
};

export const collectors: Collector[] = [analyzers];
