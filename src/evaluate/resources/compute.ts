// How Lambda functions, ECR repositories, EKS clusters and ECS task definitions appear in evidence, so
// that each rule states only its judgement.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import { ACTIVE_TASK_DEFINITION_FAMILIES_INPUT } from '../../collect/call-inputs.ts';
import { partitionOf } from '../../util/aws-ids.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { forEachListed, judgedGuarded, required, type Verdict } from '../rule-helpers.ts';

export type LambdaFunction = NonNullable<EvidenceResponse<'lambda.ListFunctions'>['Functions']>[number];
export type EcrRepository = NonNullable<EvidenceResponse<'ecr.DescribeRepositories'>['repositories']>[number];
export type EksCluster = NonNullable<EvidenceResponse<'eks.DescribeCluster'>['cluster']>;
export type TaskDefinition = NonNullable<EvidenceResponse<'ecs.DescribeTaskDefinition'>['taskDefinition']>;

export function functionResource(f: LambdaFunction): ResourceRef {
  return { type: 'AWS::Lambda::Function', id: required(f, 'FunctionName'), arn: f.FunctionArn };
}

/** Every function of ListFunctions ($LATEST), optionally only those `filter` keeps. */
export function eachFunction(
  ctx: RuleContext<'lambda.ListFunctions'>,
  judge: (f: LambdaFunction, at: Target, records: EvidenceRecord[]) => Finding | Finding[],
  filter?: (f: LambdaFunction) => boolean,
  noun = 'Lambda functions',
): Finding[] {
  return forEachListed(ctx, { key: 'lambda.ListFunctions', scope: 'regional', items: (r) => r.Functions, noun, filter }, judge);
}

/** As eachFunction, with the judgement a verdict about the function. */
export function judgeEachFunction(ctx: RuleContext<'lambda.ListFunctions'>, judge: (f: LambdaFunction, at: Target) => Verdict, filter?: (f: LambdaFunction) => boolean, noun?: string): Finding[] {
  return eachFunction(ctx, (f, at, records) => judgedGuarded(ctx, at, functionResource(f), records, () => judge(f, at)), filter, noun);
}

export function repositoryResource(r: EcrRepository): ResourceRef {
  return { type: 'AWS::ECR::Repository', id: required(r, 'repositoryName'), arn: r.repositoryArn };
}

export function eachRepository(ctx: RuleContext<'ecr.DescribeRepositories'>, judge: (r: EcrRepository, at: Target, records: EvidenceRecord[]) => Finding | Finding[]): Finding[] {
  return forEachListed(ctx, { key: 'ecr.DescribeRepositories', scope: 'regional', items: (r) => r.repositories, noun: 'ECR repositories' }, judge);
}

export function judgeEachRepository(ctx: RuleContext<'ecr.DescribeRepositories'>, judge: (r: EcrRepository, at: Target) => Verdict): Finding[] {
  return eachRepository(ctx, (r, at, records) => judgedGuarded(ctx, at, repositoryResource(r), records, () => judge(r, at)));
}

export function eachCluster(ctx: RuleContext<'eks.ListClusters' | 'eks.DescribeCluster'>, judge: (c: EksCluster, at: Target) => Verdict): Finding[] {
  return forEachDescribed(ctx, {
    key: 'eks.ListClusters',
    scope: 'regional',
    items: (r) => r.clusters,
    noun: 'EKS clusters',
    describeKey: 'eks.DescribeCluster',
    describeInput: (name) => ({ name }),
    resource: (name, at) => ({ type: 'AWS::EKS::Cluster', id: name, arn: `arn:${partitionOf(at.region)}:eks:${at.region}:${at.account}:cluster/${name}` }),
    judge: (d, _name, at) => judge(required(d, 'cluster', 'DescribeCluster'), at),
  });
}

/** The latest active revision of every task definition family. */
export function eachTaskDefinition(ctx: RuleContext<'ecs.ListTaskDefinitionFamilies' | 'ecs.DescribeTaskDefinition'>, judge: (t: TaskDefinition, at: Target) => Verdict): Finding[] {
  return forEachDescribed(ctx, {
    key: 'ecs.ListTaskDefinitionFamilies',
    input: { ...ACTIVE_TASK_DEFINITION_FAMILIES_INPUT },
    scope: 'regional',
    items: (r) => r.families,
    noun: 'ECS task definition families',
    describeKey: 'ecs.DescribeTaskDefinition',
    describeInput: (family) => ({ taskDefinition: family }),
    resource: (family) => ({ type: 'AWS::ECS::TaskDefinition', id: family }),
    judge: (d, _family, at) => judge(required(d, 'taskDefinition', 'DescribeTaskDefinition'), at),
  });
}
