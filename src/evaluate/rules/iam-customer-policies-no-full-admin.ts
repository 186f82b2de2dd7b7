// Customer-written policies (managed or inline) in force must not grant "*" on "*": full administrator
// rights belong to the AWS-managed AdministratorAccess policy on a small, reviewed set of identities.
import { forEachAccountDetails, isAwsManaged, policiesInForce } from '../aws/iam-authorization.ts';
import { isFullAdmin } from '../aws/policy-document.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'iam-customer-policies-no-full-admin',
  evidence: ['iam.GetAccountAuthorizationDetails'],
  evaluate: (ctx) =>
    forEachAccountDetails(ctx, 'No customer-managed or inline IAM policy is in force.', (d, where) =>
      policiesInForce(d)
        .filter((p) => !(p.resource.type === 'AWS::IAM::ManagedPolicy' && p.resource.arn && isAwsManaged(p.resource.arn)))
        .map((p) => {
          if (!p.statements) return ctx.finding('unknown', where, p.resource, `${p.label}: ${p.parseError}`, d.records);
          if (p.statements.some(isFullAdmin)) return ctx.finding('fail', where, p.resource, `${p.label} allows every action on every resource ("*" on "*").`, d.records);
          return ctx.finding('pass', where, p.resource, `${p.label} does not grant "*" on "*".`, d.records);
        }),
    ),
});
