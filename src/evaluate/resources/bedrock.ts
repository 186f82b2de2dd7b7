// How Bedrock and Bedrock agent resources appear in evidence, so that each rule states only its judgement.
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../../collect/evidence-shapes.ts';
import type { RuleContext } from '../rule.ts';
import { required, type Verdict } from '../rule-helpers.ts';

/** Judges one described resource; `at` is where it was found (e.g. to resolve a KMS key it names). */
type Judge<D extends KnownEvidenceKey> = (described: EvidenceResponse<D>, at: Target) => Verdict;

/** Each guardrail's working draft (GetGuardrail without a version). */
export function eachGuardrail(ctx: RuleContext<'bedrock.ListGuardrails' | 'bedrock.GetGuardrail'>, judge: Judge<'bedrock.GetGuardrail'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListGuardrails',
    scope: 'regional',
    items: (r) => r.guardrails,
    noun: 'Bedrock guardrails',
    describeKey: 'bedrock.GetGuardrail',
    describeInput: (g) => ({ guardrailIdentifier: g.id }),
    resource: (g) => ({ type: 'AWS::Bedrock::Guardrail', id: g.name ?? required(g, 'id'), arn: g.arn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachCustomModel(ctx: RuleContext<'bedrock.ListCustomModels' | 'bedrock.GetCustomModel'>, judge: Judge<'bedrock.GetCustomModel'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListCustomModels',
    scope: 'regional',
    items: (r) => r.modelSummaries,
    noun: 'Bedrock custom models',
    describeKey: 'bedrock.GetCustomModel',
    describeInput: (m) => ({ modelIdentifier: m.modelArn }),
    resource: (m) => ({ type: 'AWS::Bedrock::CustomModel', id: required(m, 'modelName'), arn: m.modelArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachCustomizationJob(ctx: RuleContext<'bedrock.ListModelCustomizationJobs' | 'bedrock.GetModelCustomizationJob'>, judge: Judge<'bedrock.GetModelCustomizationJob'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock.ListModelCustomizationJobs',
    scope: 'regional',
    items: (r) => r.modelCustomizationJobSummaries,
    noun: 'Bedrock model customization jobs',
    describeKey: 'bedrock.GetModelCustomizationJob',
    describeInput: (j) => ({ jobIdentifier: j.jobArn }),
    resource: (j) => ({ type: 'AWS::Bedrock::ModelCustomizationJob', id: required(j, 'jobName'), arn: j.jobArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

/** Judges GetAgent's `agent` object. */
export function eachAgent(ctx: RuleContext<'bedrock-agent.ListAgents' | 'bedrock-agent.GetAgent'>, judge: (agent: NonNullable<EvidenceResponse<'bedrock-agent.GetAgent'>['agent']>, at: Target) => Verdict): Finding[] {
  return forEachDescribed(ctx, {
    key: 'bedrock-agent.ListAgents',
    scope: 'regional',
    items: (r) => r.agentSummaries,
    noun: 'Bedrock agents',
    describeKey: 'bedrock-agent.GetAgent',
    describeInput: (a) => ({ agentId: a.agentId }),
    resource: (a) => ({ type: 'AWS::Bedrock::Agent', id: a.agentName ?? required(a, 'agentId') }),
    judge: (d, _item, at) => judge(required(d, 'agent', 'GetAgent'), at),
  });
}

/** One content filter of a guardrail, as GetGuardrail returns it. */
export type GuardrailFilter = NonNullable<NonNullable<EvidenceResponse<'bedrock.GetGuardrail'>['contentPolicy']>['filters']>[number];

/** A filter blocks a direction when it is enabled there, has a strength above NONE, and its action is not detect-only. */
export function blocks(f: GuardrailFilter | undefined, direction: 'input' | 'output'): boolean {
  if (!f) return false;
  const what = `The ${f.type} filter`;
  const strength = direction === 'input' ? f.inputStrength : f.outputStrength;
  const enabled = required(f, direction === 'input' ? 'inputEnabled' : 'outputEnabled', what);
  const action = required(f, direction === 'input' ? 'inputAction' : 'outputAction', what);
  return enabled && !!strength && strength !== 'NONE' && action !== 'NONE';
}
