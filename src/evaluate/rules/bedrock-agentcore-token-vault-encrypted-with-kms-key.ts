// AgentCore Identity keeps the API keys and OAuth client secrets and tokens that agents use to reach
// other services in the region's token vault. Where any credential provider exists, the vault must be
// encrypted with a customer-managed key (kmsConfiguration keyType CustomerManagedKey, the key resolved
// through KMS evidence); ServiceManagedKey fails. A region without credential providers is not applicable.
import { judgeCustomerManagedKey, KEY_EVIDENCE } from '../kms-key.ts';
import { accountResource, fail, judgeCall, listAt, placeName, required, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agentcore-token-vault-encrypted-with-kms-key',
  evidence: ['bedrock-agentcore-control.ListApiKeyCredentialProviders', 'bedrock-agentcore-control.ListOauth2CredentialProviders', 'bedrock-agentcore-control.GetTokenVault', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((at) => {
      const lists = [
        listAt(ctx, 'bedrock-agentcore-control.ListApiKeyCredentialProviders', at, (r) => r.credentialProviders),
        listAt(ctx, 'bedrock-agentcore-control.ListOauth2CredentialProviders', at, (r) => r.credentialProviders),
      ];
      const records = lists.flatMap((l) => l.records);
      for (const l of lists) if (!l.ok) return ctx.finding('unknown', at, accountResource(at), `Could not list AgentCore credential providers: ${l.error}`, records);
      const names = lists.flatMap((l) => (l.ok ? l.items.map((p) => p.name) : []));
      if (!names.length) return ctx.finding('not_applicable', at, accountResource(at), `No AgentCore credential providers in ${placeName(at)}, so the token vault holds no credentials.`, records);
      const vault = ctx.evidence.call('bedrock-agentcore-control.GetTokenVault', at, {});
      // GetTokenVault without an id answers for the region's default vault, the one providers use.
      const resource = { type: 'AWS::BedrockAgentCore::TokenVault', id: 'default' };
      return judgeCall(ctx, at, resource, vault, {
        ok: (v) => {
          const config = required(v, 'kmsConfiguration', 'GetTokenVault');
          const what = `The token vault holding the credentials of ${names.join(', ')}`;
          if (required(config, 'keyType', 'The token vault key configuration') !== 'CustomerManagedKey') return fail(`${what} is encrypted with a service-managed key, not a customer-managed key.`);
          return judgeCustomerManagedKey(ctx, at, required(config, 'kmsKeyArn', 'The token vault key configuration'), what);
        },
      }, records);
    }),
});
