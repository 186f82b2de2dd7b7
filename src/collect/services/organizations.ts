// Organizations (global): whether the account is in an organization, and its service control policies.
// ListPolicies works only from the management account or a delegated administrator: elsewhere it is
// AccessDenied, which the SCP control reports as unknown.
import { allPages, type Collector } from '../collector.ts';

const serviceControlPolicies: Collector = {
  name: 'organizations.service-control-policies',
  service: 'organizations',
  scope: 'global',
  produces: ['organizations.DescribeOrganization', 'organizations.ListPolicies'],
  async collect(ctx) {
    const { DescribeOrganizationCommand, paginateListPolicies } = await import('@aws-sdk/client-organizations');
    const client = await ctx.client('organizations');
    const org = await ctx.attempt(() => client.send(new DescribeOrganizationCommand({})));
    if (!org) return;
    await allPages(paginateListPolicies({ client, pageSize: 20 }, { Filter: 'SERVICE_CONTROL_POLICY' }));
  },
};

export const collectors: Collector[] = [serviceControlPolicies];
