// How Amazon Bedrock AgentCore gateways, memories and agent runtimes, and Bedrock flows and prompts,
// appear in evidence, so that each rule states only its judgement.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { required, type Verdict } from '../rule-helpers.ts';

type Judge<T> = (described: T, at: Target) => Verdict;

export function eachMemory(ctx: RuleContext<'bedrock-agentcore-control.ListMemories' | 'bedrock-agentcore-control.GetMemory'>, judge: Judge<NonNullable<EvidenceResponse<'bedrock-agentcore-control.GetMemory'>['memory']>>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agentcore-control.ListMemories',
    scope: 'regional',
    items: (r) => r.memories,
    noun: 'AgentCore memories',
    describeKey: 'bedrock-agentcore-control.GetMemory',
    describeInput: (m) => ({ memoryId: m.id }),
    resource: (m) => ({ type: 'AWS::BedrockAgentCore::Memory', id: required(m, 'id'), arn: m.arn }),
    judge: (d, _m, at) => judge(required(d, 'memory', 'GetMemory'), at),
  });
}

export function eachAgentRuntime(ctx: RuleContext<'bedrock-agentcore-control.ListAgentRuntimes' | 'bedrock-agentcore-control.GetAgentRuntime'>, judge: Judge<EvidenceResponse<'bedrock-agentcore-control.GetAgentRuntime'>>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agentcore-control.ListAgentRuntimes',
    scope: 'regional',
    items: (r) => r.agentRuntimes,
    noun: 'AgentCore agent runtimes',
    describeKey: 'bedrock-agentcore-control.GetAgentRuntime',
    describeInput: (r) => ({ agentRuntimeId: r.agentRuntimeId }),
    resource: (r) => ({ type: 'AWS::BedrockAgentCore::Runtime', id: r.agentRuntimeName ?? required(r, 'agentRuntimeId'), arn: r.agentRuntimeArn }),
    judge: (d, _r, at) => judge(d, at),
  });
}

export function eachFlow(ctx: RuleContext<'bedrock-agent.ListFlows' | 'bedrock-agent.GetFlow'>, judge: Judge<EvidenceResponse<'bedrock-agent.GetFlow'>>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agent.ListFlows',
    scope: 'regional',
    items: (r) => r.flowSummaries,
    noun: 'Bedrock flows',
    describeKey: 'bedrock-agent.GetFlow',
    describeInput: (f) => ({ flowIdentifier: f.id }),
    resource: (f) => ({ type: 'AWS::Bedrock::Flow', id: f.name ?? required(f, 'id'), arn: f.arn }),
    judge: (d, _f, at) => judge(d, at),
  });
}

export function eachPrompt(ctx: RuleContext<'bedrock-agent.ListPrompts' | 'bedrock-agent.GetPrompt'>, judge: Judge<EvidenceResponse<'bedrock-agent.GetPrompt'>>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agent.ListPrompts',
    scope: 'regional',
    items: (r) => r.promptSummaries,
    noun: 'Bedrock prompts',
    describeKey: 'bedrock-agent.GetPrompt',
    describeInput: (p) => ({ promptIdentifier: p.id }),
    resource: (p) => ({ type: 'AWS::Bedrock::Prompt', id: p.name ?? required(p, 'id'), arn: p.arn }),
    judge: (d, _p, at) => judge(d, at),
  });
}
