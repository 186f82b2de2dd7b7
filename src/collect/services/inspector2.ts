// Amazon Inspector per region: which resource types the account scans (EC2, ECR, Lambda), and every open
// Critical or High finding on that compute, all pages (the list carries severity, first-seen time and resource).
import { INSPECTOR_OPEN_SERIOUS_FINDINGS } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const accountStatus: Collector = {
  name: 'inspector2.account-status',
  service: 'inspector2',
  scope: 'regional',
  produces: ['inspector2.BatchGetAccountStatus'],
  async collect(ctx) {
    const { BatchGetAccountStatusCommand } = await import('@aws-sdk/client-inspector2');
    const client = await ctx.client('inspector2');
    await ctx.attempt(() => client.send(new BatchGetAccountStatusCommand({ accountIds: [ctx.target.account] })));
  },
};

const findings: Collector = {
  name: 'inspector2.findings',
  service: 'inspector2',
  scope: 'regional',
  produces: ['inspector2.ListFindings'],
  async collect(ctx) {
    const { paginateListFindings } = await import('@aws-sdk/client-inspector2');
    await allPages(paginateListFindings({ client: await ctx.client('inspector2'), pageSize: 100 }, { filterCriteria: structuredClone(INSPECTOR_OPEN_SERIOUS_FINDINGS) }));
  },
};

export const collectors: Collector[] = [accountStatus, findings];
