// Roles that principals of other AWS accounts may assume must require sts:ExternalId, so that a third
// party acting for several customers cannot be tricked into using this account (confused deputy).
// Trust restricted to the caller's own organization (aws:PrincipalOrgID) is internal, not third-party.
import { forEachAccountDetails, roleResource } from '../aws/iam-authorization.ts';
import { conditionKeys, parsePolicy, principalAccount, principals, type Statement } from '../aws/policy-document.ts';
import { defineRule } from '../rule.ts';

function externalPrincipals(s: Statement, ownAccount: string): string[] {
  if (s.effect !== 'Allow') return [];
  return principals(s, 'AWS').filter((p) => principalAccount(p) !== ownAccount);
}

export const rule = defineRule({
  controlId: 'iam-third-party-role-trust-requires-external-id',
  evidence: ['iam.GetAccountAuthorizationDetails'],
  evaluate: (ctx) =>
    forEachAccountDetails(ctx, 'No IAM role trusts a principal of another AWS account.', (d, where) =>
      d.roles.flatMap((role) => {
        let statements: Statement[];
        try {
          statements = parsePolicy(role.AssumeRolePolicyDocument);
        } catch (err) {
          return [ctx.finding('unknown', where, roleResource(role), `The trust policy of role ${role.RoleName} could not be parsed: ${(err as Error).message}`, d.records)];
        }
        const external = statements.map((s) => ({ s, who: externalPrincipals(s, where.account) })).filter((x) => x.who.length > 0);
        // Roles trusted only within the account are not what this control is about.
        if (external.length === 0) return [];
        const unguarded = external.filter(({ s }) => {
          const keys = conditionKeys(s);
          return !keys.has('sts:externalid') && !keys.has('aws:principalorgid');
        });
        return [
          unguarded.length
            ? ctx.finding('fail', where, roleResource(role), `Role ${role.RoleName} can be assumed by ${unguarded.flatMap((u) => u.who).join(', ')} without an sts:ExternalId condition.`, d.records)
            : ctx.finding('pass', where, roleResource(role), `Role ${role.RoleName} trusts ${external.flatMap((u) => u.who).join(', ')} only with an sts:ExternalId (or own-organization) condition.`, d.records),
        ];
      }),
    ),
});
