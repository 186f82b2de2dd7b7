// An agent runtime runs agent code that calls models, tools and data stores; in VPC network mode its
// traffic goes through the organization's subnets and security groups instead of AWS-managed public
// networking.
import { eachAgentRuntime } from '../resources/agentcore.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agentcore-runtimes-in-vpc',
  evidence: ['bedrock-agentcore-control.ListAgentRuntimes', 'bedrock-agentcore-control.GetAgentRuntime'],
  evaluate: (ctx) =>
    eachAgentRuntime(ctx, (r) => {
      const name = r.agentRuntimeName ?? r.agentRuntimeId;
      const mode = required(required(r, 'networkConfiguration', `Agent runtime ${name}`), 'networkMode', `The network configuration of ${name}`);
      return mode === 'VPC'
        ? pass(`Agent runtime ${name} runs in VPC network mode (subnets ${r.networkConfiguration?.networkModeConfig?.subnets?.join(', ') ?? 'not listed'}).`)
        : fail(`Agent runtime ${name} runs in ${mode} network mode, outside the organization's VPC.`);
    }),
});
