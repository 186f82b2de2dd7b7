// Customer-written policies (managed or inline) in force must not grant "*" on "*": full administrator
// rights belong to the AWS-managed AdministratorAccess policy on a small, reviewed set of identities.
import { authorizationDetails, detailsUnknown, globalTargets, isAwsManaged, policiesInForce } from '../aws/iam-authorization.ts';
import { isFullAdmin } from '../aws/policy-document.ts';
import type { Finding } from '../finding.ts';
import { accountResource } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'iam-customer-policies-no-full-admin',
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const where of globalTargets(ctx)) {
      const d = authorizationDetails(ctx, where);
      if (!d.ok) {
        findings.push(detailsUnknown(ctx, where, d));
        continue;
      }
      const customer = policiesInForce(d).filter((p) => !(p.resource.type === 'AWS::IAM::ManagedPolicy' && p.resource.arn && isAwsManaged(p.resource.arn)));
      if (customer.length === 0) {
        findings.push(ctx.finding('not_applicable', where, accountResource(where), 'No customer-managed or inline IAM policy is in force.', d.records));
        continue;
      }
      for (const p of customer) {
        if (!p.statements) findings.push(ctx.finding('unknown', where, p.resource, `${p.label}: ${p.parseError}`, d.records));
        else if (p.statements.some(isFullAdmin)) findings.push(ctx.finding('fail', where, p.resource, `${p.label} allows every action on every resource ("*" on "*").`, d.records));
        else findings.push(ctx.finding('pass', where, p.resource, `${p.label} does not grant "*" on "*".`, d.records));
      }
    }
    return findings;
  },
};
