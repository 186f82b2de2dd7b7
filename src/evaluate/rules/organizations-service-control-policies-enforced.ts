// Accounts in an AWS Organization are guarded by service control policies beyond the default
// FullAWSAccess. Accounts not in an organization are not applicable; an organization without all
// features (no SCPs possible) fails. ListPolicies is management-account-only: AccessDenied is unknown.
import { globalTargets } from '../aws/iam-authorization.ts';
import type { Finding } from '../finding.ts';
import { accountResource } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'organizations-service-control-policies-enforced',
  evidence: ['organizations.DescribeOrganization', 'organizations.ListPolicies'],
  evaluate: (ctx) =>
    globalTargets(ctx).map((where): Finding => {
      const resource = accountResource(where);
      const org = ctx.evidence.call('organizations.DescribeOrganization', where);
      if (org.state === 'not_configured') return ctx.finding('not_applicable', where, resource, 'The account is not a member of an AWS Organization.', org.records);
      if (org.state !== 'ok') return ctx.finding('unknown', where, resource, org.error, org.records);
      const o = org.responses[0]?.Organization ?? {};
      const orgRes = { type: 'AWS::Organizations::Organization', id: o.Id ?? resource.id, arn: o.Arn };
      if (o.FeatureSet !== 'ALL') return ctx.finding('fail', where, orgRes, `Organization ${o.Id} has feature set ${o.FeatureSet ?? 'unknown'}: service control policies need ALL features.`, org.records);
      const pol = ctx.evidence.call('organizations.ListPolicies', where, { Filter: 'SERVICE_CONTROL_POLICY' });
      const records = [...org.records, ...pol.records];
      if (pol.state !== 'ok') return ctx.finding('unknown', where, orgRes, `Could not list service control policies (management account or delegated administrator only): ${pol.error}`, records);
      const custom = pol.responses.flatMap((r) => r?.Policies ?? []).filter((p) => !p.AwsManaged && p.Name !== 'FullAWSAccess');
      return custom.length
        ? ctx.finding('pass', where, orgRes, `Organization ${o.Id} has ${custom.length} custom service control polic${custom.length === 1 ? 'y' : 'ies'}: ${custom.map((p) => p.Name).join(', ')}.`, records)
        : ctx.finding('fail', where, orgRes, `Organization ${o.Id} has only the default FullAWSAccess service control policy: no guardrail limits member accounts.`, records);
    }),
});
