// How SageMaker resources appear in evidence (which list, which describe, which identity), so that
// each rule states only its judgement.
import { IN_SERVICE_ENDPOINTS_INPUT, RECENT_TRAINING_JOBS_INPUT } from '../../collect/call-inputs.ts';
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import type { Verdict } from '../rule-helpers.ts';

type Judge = (described: any) => Verdict;

export function eachNotebook(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListNotebookInstances',
    scope: 'regional',
    items: (r) => r.NotebookInstances,
    noun: 'SageMaker notebook instances',
    describeKey: 'sagemaker.DescribeNotebookInstance',
    describeInput: (n: { NotebookInstanceName: string }) => ({ NotebookInstanceName: n.NotebookInstanceName }),
    resource: (n: { NotebookInstanceName: string; NotebookInstanceArn: string }) => ({ type: 'AWS::SageMaker::NotebookInstance', id: n.NotebookInstanceName, arn: n.NotebookInstanceArn }),
    judge,
  });
}

export function eachRecentTrainingJob(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListTrainingJobs',
    input: { ...RECENT_TRAINING_JOBS_INPUT },
    scope: 'regional',
    items: (r) => r.TrainingJobSummaries,
    noun: 'SageMaker training jobs',
    describeKey: 'sagemaker.DescribeTrainingJob',
    describeInput: (j: { TrainingJobName: string }) => ({ TrainingJobName: j.TrainingJobName }),
    resource: (j: { TrainingJobName: string; TrainingJobArn: string }) => ({ type: 'AWS::SageMaker::TrainingJob', id: j.TrainingJobName, arn: j.TrainingJobArn }),
    judge,
  });
}

export function eachEndpointConfig(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListEndpointConfigs',
    scope: 'regional',
    items: (r) => r.EndpointConfigs,
    noun: 'SageMaker endpoint configurations',
    describeKey: 'sagemaker.DescribeEndpointConfig',
    describeInput: (c: { EndpointConfigName: string }) => ({ EndpointConfigName: c.EndpointConfigName }),
    resource: (c: { EndpointConfigName: string; EndpointConfigArn: string }) => ({ type: 'AWS::SageMaker::EndpointConfig', id: c.EndpointConfigName, arn: c.EndpointConfigArn }),
    judge,
  });
}

export function eachModel(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListModels',
    scope: 'regional',
    items: (r) => r.Models,
    noun: 'SageMaker models',
    describeKey: 'sagemaker.DescribeModel',
    describeInput: (m: { ModelName: string }) => ({ ModelName: m.ModelName }),
    resource: (m: { ModelName: string; ModelArn: string }) => ({ type: 'AWS::SageMaker::Model', id: m.ModelName, arn: m.ModelArn }),
    judge,
  });
}

export function eachDomain(ctx: RuleContext, judge: Judge): Finding[] {
  return forEachDescribed(ctx, {
    key: 'sagemaker.ListDomains',
    scope: 'regional',
    items: (r) => r.Domains,
    noun: 'SageMaker Studio domains',
    describeKey: 'sagemaker.DescribeDomain',
    describeInput: (d: { DomainId: string }) => ({ DomainId: d.DomainId }),
    resource: (d: { DomainId: string; DomainArn: string; DomainName?: string }) => ({ type: 'AWS::SageMaker::Domain', id: d.DomainId, arn: d.DomainArn }),
    judge,
  });
}

export const inServiceEndpointsInput = { ...IN_SERVICE_ENDPOINTS_INPUT };

/** Subnets and security groups of a VpcConfig, or undefined when the resource uses SageMaker-managed networking. */
export function vpcSummary(vpc: { Subnets?: string[]; SecurityGroupIds?: string[] } | undefined): string | undefined {
  if (!vpc?.Subnets?.length) return undefined;
  return `subnets ${vpc.Subnets.join(', ')}; security groups ${(vpc.SecurityGroupIds ?? []).join(', ') || '(none)'}`;
}
