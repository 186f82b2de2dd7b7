// Roles that SageMaker or Bedrock can assume must not carry administrator or wildcard permissions:
// a compromised notebook, training container or agent would otherwise own the account.
import { forEachAccountDetails, isAwsManaged, rolePolicies, roleResource, type RoleDetail } from '../aws/iam-authorization.ts';
import { isFullAdmin, isWildcardGrant, parsePolicy, principals } from '../aws/policy-document.ts';
import { defineRule } from '../rule.ts';

const AI_SERVICE_PRINCIPALS = ['sagemaker.amazonaws.com', 'bedrock.amazonaws.com'];
const ADMIN_MANAGED_POLICIES = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);

/** The AI services a role trusts; undefined when its trust policy cannot be read. */
function aiServicesTrusted(role: RoleDetail): string[] | undefined {
  try {
    const services = parsePolicy(role.AssumeRolePolicyDocument)
      .filter((s) => s.effect === 'Allow')
      .flatMap((s) => principals(s, 'Service'));
    return AI_SERVICE_PRINCIPALS.filter((p) => services.includes(p));
  } catch {
    return undefined;
  }
}

export const rule = defineRule({
  controlId: 'iam-ai-service-roles-no-admin-permissions',
  evidence: ['iam.GetAccountAuthorizationDetails'],
  evaluate: (ctx) =>
    forEachAccountDetails(ctx, 'No IAM role trusts sagemaker.amazonaws.com or bedrock.amazonaws.com.', (d, where) =>
      d.roles
        .map((role) => ({ role, services: aiServicesTrusted(role) }))
        .filter((r) => r.services === undefined || r.services.length > 0)
        .map(({ role, services }) => {
          if (!services) return ctx.finding('unknown', where, roleResource(role), `The trust policy of role ${role.RoleName} could not be parsed.`, d.records);
          const problems: string[] = [];
          const unreadable: string[] = [];
          for (const p of rolePolicies(d, role)) {
            if (p.resource.arn && isAwsManaged(p.resource.arn) && ADMIN_MANAGED_POLICIES.has(p.resource.id)) {
              problems.push(`AWS managed ${p.resource.id} is attached`);
              continue;
            }
            if (!p.statements) {
              unreadable.push(`${p.label}: ${p.parseError}`);
              continue;
            }
            // AWS managed service policies (e.g. AmazonSageMakerFullAccess) are judged only for full admin.
            const awsManaged = p.resource.arn !== undefined && isAwsManaged(p.resource.arn) && p.resource.type === 'AWS::IAM::ManagedPolicy';
            const bad = p.statements.filter((s) => (awsManaged ? isFullAdmin(s) : isWildcardGrant(s)));
            if (bad.length) problems.push(`${p.label} allows ${bad.map((s) => (s.notAction ? `NotAction ${JSON.stringify(s.actions)}` : s.actions.join(', '))).join('; ')} on every resource`);
          }
          const trusted = `trusted by ${services.join(' and ')}`;
          if (problems.length) return ctx.finding('fail', where, roleResource(role), `Role ${role.RoleName} (${trusted}) has administrator or wildcard permissions: ${problems.join('; ')}.`, d.records);
          if (unreadable.length) return ctx.finding('unknown', where, roleResource(role), `Role ${role.RoleName} (${trusted}): some policies could not be read: ${unreadable.join('; ')}.`, d.records);
          return ctx.finding('pass', where, roleResource(role), `Role ${role.RoleName} (${trusted}) has no administrator or service-wide wildcard permission on every resource.`, d.records);
        }),
    ),
});
