// Comprehend analysis jobs that accept a VPC and KMS keys (entity detection and document
// classification) and custom models (entity recognizers, document classifiers), each kind judged as one
// population per region.
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

export interface CustomModel {
  arn: string;
  VersionName?: string;
  VolumeKmsKeyId?: string;
  ModelKmsKeyId?: string;
}

const MODEL_LISTS = [
  { key: 'comprehend.ListEntityRecognizers', items: (r: any) => r.EntityRecognizerPropertiesList, arn: (m: any) => m.EntityRecognizerArn, noun: 'Comprehend entity recognizers', type: 'AWS::Comprehend::EntityRecognizer' },
  { key: 'comprehend.ListDocumentClassifiers', items: (r: any) => r.DocumentClassifierPropertiesList, arn: (m: any) => m.DocumentClassifierArn, noun: 'Comprehend document classifiers', type: 'AWS::Comprehend::DocumentClassifier' },
] as const;

/** arn:aws:comprehend:<region>:<account>:entity-recognizer/<name>[/version/<v>] -> "<name>[/<v>]" */
function modelId(arn: string): string {
  const m = /:(?:entity-recognizer|document-classifier)\/([^/]+)(?:\/version\/([^/]+))?/.exec(arn);
  return m ? [m[1], m[2]].filter(Boolean).join('/') : arn;
}

export function eachCustomModel(ctx: RuleContext, judge: (model: CustomModel) => Verdict): Finding[] {
  return forEachListedIn<CustomModel & { type: string }>(
    ctx,
    MODEL_LISTS.map((l) => ({ key: l.key, scope: 'regional' as const, noun: l.noun, items: (r: any) => (l.items(r) as any[] | undefined)?.map((m) => ({ ...m, arn: l.arn(m), type: l.type })) })),
    'Comprehend custom models',
    (model, at, records) => {
      const v = judge(model);
      return ctx.finding(v.status, at, { type: model.type, id: modelId(model.arn), arn: model.arn }, v.reason, records);
    },
  );
}
