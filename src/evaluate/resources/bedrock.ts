// How Bedrock and Bedrock agent resources appear in evidence, so that each rule states only its judgement.
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import type { Verdict } from '../rule-helpers.ts';

type Judge = (described: any) => Verdict;

/** Each guardrail's working draft (GetGuardrail without a version). */
export function eachGuardrail(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListGuardrails',
    scope: 'regional',
    items: (r) => r.guardrails,
    noun: 'Bedrock guardrails',
    describeKey: 'bedrock.GetGuardrail',
    describeInput: (g: { id: string }) => ({ guardrailIdentifier: g.id }),
    resource: (g: { id: string; arn: string; name?: string }) => ({ type: 'AWS::Bedrock::Guardrail', id: g.name ?? g.id, arn: g.arn }),
    judge,
  });
}

export function eachCustomModel(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListCustomModels',
    scope: 'regional',
    items: (r) => r.modelSummaries,
    noun: 'Bedrock custom models',
    describeKey: 'bedrock.GetCustomModel',
    describeInput: (m: { modelArn: string }) => ({ modelIdentifier: m.modelArn }),
    resource: (m: { modelArn: string; modelName: string }) => ({ type: 'AWS::Bedrock::CustomModel', id: m.modelName, arn: m.modelArn }),
    judge,
  });
}

export function eachCustomizationJob(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListModelCustomizationJobs',
    scope: 'regional',
    items: (r) => r.modelCustomizationJobSummaries,
    noun: 'Bedrock model customization jobs',
    describeKey: 'bedrock.GetModelCustomizationJob',
    describeInput: (j: { jobArn: string }) => ({ jobIdentifier: j.jobArn }),
    resource: (j: { jobArn: string; jobName: string }) => ({ type: 'AWS::Bedrock::ModelCustomizationJob', id: j.jobName, arn: j.jobArn }),
    judge,
  });
}

/** Judges GetAgent's `agent` object. */
export function eachAgent(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agent.ListAgents',
    scope: 'regional',
    items: (r) => r.agentSummaries,
    noun: 'Bedrock agents',
    describeKey: 'bedrock-agent.GetAgent',
    describeInput: (a: { agentId: string }) => ({ agentId: a.agentId }),
    resource: (a: { agentId: string; agentName: string }) => ({ type: 'AWS::Bedrock::Agent', id: a.agentName ?? a.agentId }),
    judge: (d) => judge(d.agent ?? {}),
  });
}

export interface GuardrailFilter {
  type: string;
  inputStrength?: string;
  outputStrength?: string;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
  inputAction?: string;
  outputAction?: string;
}

/** A filter blocks a direction when it is enabled there, has a strength above NONE, and its action is not detect-only. */
export function blocks(f: GuardrailFilter | undefined, direction: 'input' | 'output'): boolean {
  if (!f) return false;
  const strength = direction === 'input' ? f.inputStrength : f.outputStrength;
  const enabled = direction === 'input' ? f.inputEnabled : f.outputEnabled;
  const action = direction === 'input' ? f.inputAction : f.outputAction;
  return enabled !== false && !!strength && strength !== 'NONE' && action !== 'NONE';
}
