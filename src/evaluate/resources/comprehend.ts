// Comprehend analysis jobs that accept a VPC and KMS keys (entity detection and document
// classification), judged as one population per region.
import type { Finding } from '../finding.ts';
import { forEachListedIn } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import type { Verdict } from '../rule-helpers.ts';

export interface AnalysisJob {
  JobName?: string;
  JobId: string;
  JobArn?: string;
  VolumeKmsKeyId?: string;
  OutputDataConfig?: { S3Uri?: string; KmsKeyId?: string };
  VpcConfig?: { Subnets?: string[]; SecurityGroupIds?: string[] };
}

const LISTS = [
  { key: 'comprehend.ListEntitiesDetectionJobs', items: (r: any) => r.EntitiesDetectionJobPropertiesList, noun: 'Comprehend entity detection jobs', type: 'AWS::Comprehend::EntitiesDetectionJob' },
  { key: 'comprehend.ListDocumentClassificationJobs', items: (r: any) => r.DocumentClassificationJobPropertiesList, noun: 'Comprehend document classification jobs', type: 'AWS::Comprehend::DocumentClassificationJob' },
] as const;

export function eachAnalysisJob(ctx: RuleContext, judge: (job: AnalysisJob) => Verdict): Finding[] {
  return forEachListedIn<AnalysisJob & { type: string }>(
    ctx,
    LISTS.map((l) => ({ key: l.key, scope: 'regional' as const, noun: l.noun, items: (r: any) => (l.items(r) as AnalysisJob[] | undefined)?.map((j) => ({ ...j, type: l.type })) })),
    'Comprehend analysis jobs',
    (job, at, records) => {
      const v = judge(job);
      return ctx.finding(v.status, at, { type: job.type, id: job.JobName ? `${job.JobName}/${job.JobId}` : job.JobId, ...(job.JobArn ? { arn: job.JobArn } : {}) }, v.reason, records);
    },
  );
}
