// An AgentCore gateway exposes tools (Lambda functions, APIs, MCP servers) to agents; its inbound
// authorizer must check callers: AWS_IAM or CUSTOM_JWT pass, NONE (anyone with the URL can call the
// tools) fails. Any other type (the SDK also lists AUTHENTICATE_ONLY, undocumented) is unknown.
import { fail, forEachListed, judgedGuarded, pass, required, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const AUTHORIZING = ['AWS_IAM', 'CUSTOM_JWT'];

function judge(name: string, type: string): Verdict {
  if (AUTHORIZING.includes(type)) return pass(`Gateway ${name} authorizes inbound calls (${type}).`);
  if (type === 'NONE') return fail(`Gateway ${name} has no inbound authorizer: anyone with its URL can call its tools.`);
  return unknown(`Gateway ${name} has inbound authorizer type ${type}, whose authorization of callers Proofline cannot judge.`);
}

export const rule = defineRule({
  controlId: 'bedrock-agentcore-gateways-require-inbound-authorization',
  evidence: ['bedrock-agentcore-control.ListGateways'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'bedrock-agentcore-control.ListGateways', scope: 'regional', items: (r) => r.items, noun: 'AgentCore gateways' }, (g, at, records) => {
      const resource = { type: 'AWS::BedrockAgentCore::Gateway', id: g.name ?? required(g, 'gatewayId') };
      return judgedGuarded(ctx, at, resource, records, () => judge(resource.id, required(g, 'authorizerType', `Gateway ${resource.id}`)));
    }),
});
