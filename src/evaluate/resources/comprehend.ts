// Comprehend analysis jobs that accept a VPC and KMS keys (entity detection and document
// classification) and custom models (entity recognizers, document classifiers), each kind judged as one
// population per region.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachListedIn } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { listAt, present, required, type Verdict, judged } from '../rule-helpers.ts';

type JobKeys = 'comprehend.ListEntitiesDetectionJobs' | 'comprehend.ListDocumentClassificationJobs';
type ModelKeys = 'comprehend.ListEntityRecognizers' | 'comprehend.ListDocumentClassifiers';

/** The settings both job kinds share (their SDK property types). */
export type AnalysisJob = NonNullable<EvidenceResponse<'comprehend.ListEntitiesDetectionJobs'>['EntitiesDetectionJobPropertiesList']>[number] &
  NonNullable<EvidenceResponse<'comprehend.ListDocumentClassificationJobs'>['DocumentClassificationJobPropertiesList']>[number];

/** An item with the resource type of the list it came from (wrapped, not spread: the item stays as collected). */
type Typed<T> = { item: T; type: string };

export function eachAnalysisJob(ctx: RuleContext<JobKeys>, judge: (job: Partial<AnalysisJob>, at: Target) => Verdict): Finding[] {
  const typed = <T>(type: string, items: readonly T[] | undefined) => items?.map((item) => ({ item, type }));
  return forEachListedIn<Typed<Partial<AnalysisJob>>>(
    ctx,
    [
      { noun: 'Comprehend entity detection jobs', list: (at: Target) => listAt(ctx, 'comprehend.ListEntitiesDetectionJobs', at, (r) => typed('AWS::Comprehend::EntitiesDetectionJob', r.EntitiesDetectionJobPropertiesList)) },
      { noun: 'Comprehend document classification jobs', list: (at: Target) => listAt(ctx, 'comprehend.ListDocumentClassificationJobs', at, (r) => typed('AWS::Comprehend::DocumentClassificationJob', r.DocumentClassificationJobPropertiesList)) },
    ],
    'Comprehend analysis jobs',
    ({ item: job, type }, at, records) => {
      const id = required(job, 'JobId');
      const v = judge(job, at);
      return judged(ctx, at, { type, id: job.JobName ? `${job.JobName}/${id}` : id, ...(job.JobArn ? { arn: job.JobArn } : {}) }, v, records);
    },
  );
}

/** The key settings both model kinds share (their SDK property types). */
export type CustomModel = Pick<NonNullable<EvidenceResponse<'comprehend.ListEntityRecognizers'>['EntityRecognizerPropertiesList']>[number], 'VolumeKmsKeyId' | 'ModelKmsKeyId'>;

/** arn:aws:comprehend:<region>:<account>:entity-recognizer/<name>[/version/<v>] -> "<name>[/<v>]" */
function modelId(arn: string): string {
  const m = /:(?:entity-recognizer|document-classifier)\/([^/]+)(?:\/version\/([^/]+))?/.exec(arn);
  return m ? [m[1], m[2]].filter(Boolean).join('/') : arn;
}

export function eachCustomModel(ctx: RuleContext<ModelKeys>, judge: (model: CustomModel, at: Target) => Verdict): Finding[] {
  return forEachListedIn<Typed<CustomModel> & { arn: string | undefined }>(
    ctx,
    [
      {
        noun: 'Comprehend entity recognizers',
        list: (at: Target) => listAt(ctx, 'comprehend.ListEntityRecognizers', at, (r) => r.EntityRecognizerPropertiesList?.map((item) => ({ item, arn: item.EntityRecognizerArn, type: 'AWS::Comprehend::EntityRecognizer' }))),
      },
      {
        noun: 'Comprehend document classifiers',
        list: (at: Target) => listAt(ctx, 'comprehend.ListDocumentClassifiers', at, (r) => r.DocumentClassifierPropertiesList?.map((item) => ({ item, arn: item.DocumentClassifierArn, type: 'AWS::Comprehend::DocumentClassifier' }))),
      },
    ],
    'Comprehend custom models',
    ({ item, arn, type }, at, records) => {
      const modelArn = present(arn, 'its ARN', `A ${type} listing`);
      const v = judge(item, at);
      return judged(ctx, at, { type, id: modelId(modelArn), arn: modelArn }, v, records);
    },
  );
}
