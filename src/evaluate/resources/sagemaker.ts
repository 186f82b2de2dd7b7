// How SageMaker resources appear in evidence (which list, which describe, which identity), so that
// each rule states only its judgement.
import { IN_SERVICE_ENDPOINTS_INPUT, RECENT_TRAINING_JOBS_INPUT } from '../../collect/call-inputs.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../../collect/evidence-shapes.ts';
import type { RuleContext } from '../rule.ts';
import { required, type Verdict } from '../rule-helpers.ts';

/** Judges one described resource; `at` is where it was found (e.g. to resolve a KMS key it names). */
type Judge<D extends KnownEvidenceKey> = (described: EvidenceResponse<D>, at: Target) => Verdict;

export function eachNotebook(ctx: RuleContext<'sagemaker.ListNotebookInstances' | 'sagemaker.DescribeNotebookInstance'>, judge: Judge<'sagemaker.DescribeNotebookInstance'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListNotebookInstances',
    scope: 'regional',
    items: (r) => r.NotebookInstances,
    noun: 'SageMaker notebook instances',
    describeKey: 'sagemaker.DescribeNotebookInstance',
    describeInput: (n) => ({ NotebookInstanceName: n.NotebookInstanceName }),
    resource: (n) => ({ type: 'AWS::SageMaker::NotebookInstance', id: required(n, 'NotebookInstanceName'), arn: n.NotebookInstanceArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachRecentTrainingJob(ctx: RuleContext<'sagemaker.ListTrainingJobs' | 'sagemaker.DescribeTrainingJob'>, judge: Judge<'sagemaker.DescribeTrainingJob'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListTrainingJobs',
    input: { ...RECENT_TRAINING_JOBS_INPUT },
    scope: 'regional',
    items: (r) => r.TrainingJobSummaries,
    noun: 'SageMaker training jobs',
    describeKey: 'sagemaker.DescribeTrainingJob',
    describeInput: (j) => ({ TrainingJobName: j.TrainingJobName }),
    resource: (j) => ({ type: 'AWS::SageMaker::TrainingJob', id: required(j, 'TrainingJobName'), arn: j.TrainingJobArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachEndpointConfig(ctx: RuleContext<'sagemaker.ListEndpointConfigs' | 'sagemaker.DescribeEndpointConfig'>, judge: Judge<'sagemaker.DescribeEndpointConfig'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListEndpointConfigs',
    scope: 'regional',
    items: (r) => r.EndpointConfigs,
    noun: 'SageMaker endpoint configurations',
    describeKey: 'sagemaker.DescribeEndpointConfig',
    describeInput: (c) => ({ EndpointConfigName: c.EndpointConfigName }),
    resource: (c) => ({ type: 'AWS::SageMaker::EndpointConfig', id: required(c, 'EndpointConfigName'), arn: c.EndpointConfigArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachModel(ctx: RuleContext<'sagemaker.ListModels' | 'sagemaker.DescribeModel'>, judge: Judge<'sagemaker.DescribeModel'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListModels',
    scope: 'regional',
    items: (r) => r.Models,
    noun: 'SageMaker models',
    describeKey: 'sagemaker.DescribeModel',
    describeInput: (m) => ({ ModelName: m.ModelName }),
    resource: (m) => ({ type: 'AWS::SageMaker::Model', id: required(m, 'ModelName'), arn: m.ModelArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export function eachDomain(ctx: RuleContext<'sagemaker.ListDomains' | 'sagemaker.DescribeDomain'>, judge: Judge<'sagemaker.DescribeDomain'>): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListDomains',
    scope: 'regional',
    items: (r) => r.Domains,
    noun: 'SageMaker Studio domains',
    describeKey: 'sagemaker.DescribeDomain',
    describeInput: (d) => ({ DomainId: d.DomainId }),
    resource: (d) => ({ type: 'AWS::SageMaker::Domain', id: required(d, 'DomainId'), arn: d.DomainArn }),
    judge: (d, _item, at) => judge(d, at),
  });
}

export const inServiceEndpointsInput = { ...IN_SERVICE_ENDPOINTS_INPUT };

/** Subnets and security groups of a VpcConfig, or undefined when the resource uses SageMaker-managed networking. */
export function vpcSummary(vpc: { Subnets?: string[]; SecurityGroupIds?: string[] } | undefined): string | undefined {
  if (!vpc?.Subnets?.length) return undefined;
  return `subnets ${vpc.Subnets.join(', ')}; security groups ${(vpc.SecurityGroupIds ?? []).join(', ') || '(none)'}`;
}
