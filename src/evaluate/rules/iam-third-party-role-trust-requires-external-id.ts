// Roles that principals of other AWS accounts may assume must require sts:ExternalId, so that a third
// party acting for several customers cannot be tricked into using this account (confused deputy).
// Trust restricted to the caller's own organization (aws:PrincipalOrgID) is internal, not third-party.
import { authorizationDetails, detailsUnknown, globalTargets, roleResource } from '../aws/iam-authorization.ts';
import { conditionKeys, parsePolicy, principalAccount, principals, type Statement } from '../aws/policy-document.ts';
import type { Finding } from '../finding.ts';
import { accountResource } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

function externalPrincipals(s: Statement, ownAccount: string): string[] {
  if (s.effect !== 'Allow') return [];
  return principals(s, 'AWS').filter((p) => principalAccount(p) !== ownAccount);
}

export const rule: Rule = {
  controlId: 'iam-third-party-role-trust-requires-external-id',
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const where of globalTargets(ctx)) {
      const d = authorizationDetails(ctx, where);
      if (!d.ok) {
        findings.push(detailsUnknown(ctx, where, d));
        continue;
      }
      let crossAccount = 0;
      for (const role of d.roles) {
        let statements: Statement[];
        try {
          statements = parsePolicy(role.AssumeRolePolicyDocument);
        } catch (err) {
          findings.push(ctx.finding('unknown', where, roleResource(role), `The trust policy of role ${role.RoleName} could not be parsed: ${(err as Error).message}`, d.records));
          continue;
        }
        const external = statements.map((s) => ({ s, who: externalPrincipals(s, where.account) })).filter((x) => x.who.length > 0);
        if (external.length === 0) continue;
        crossAccount++;
        const unguarded = external.filter(({ s }) => {
          const keys = conditionKeys(s);
          return !keys.has('sts:externalid') && !keys.has('aws:principalorgid');
        });
        findings.push(
          unguarded.length
            ? ctx.finding('fail', where, roleResource(role), `Role ${role.RoleName} can be assumed by ${unguarded.flatMap((u) => u.who).join(', ')} without an sts:ExternalId condition.`, d.records)
            : ctx.finding('pass', where, roleResource(role), `Role ${role.RoleName} trusts ${external.flatMap((u) => u.who).join(', ')} only with an sts:ExternalId (or own-organization) condition.`, d.records),
        );
      }
      if (crossAccount === 0 && !findings.some((f) => f.account === where.account)) {
        findings.push(ctx.finding('not_applicable', where, accountResource(where), 'No IAM role trusts a principal of another AWS account.', d.records));
      }
    }
    return findings;
  },
};
