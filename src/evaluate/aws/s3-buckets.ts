// The account's S3 buckets (collected once, in the global target) with the region each lives in, and
// what each bucket is for. Findings about a bucket are reported in the bucket's region.
//
// Log buckets are told apart from data buckets without any naming convention:
//  - a bucket that receives another bucket's server access logs, or
//  - whose policy lets a log-delivery service principal write objects (CloudTrail, S3 server access
//    logging, CloudWatch/VPC log delivery, Config, ELB, Bedrock invocation logging), or
//  - that is tagged with a classification tag (see CLASSIFICATION_TAG) whose value is "logs"/"log"/"audit-logs".
// Every other bucket is a data bucket.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../../collect/evidence-shapes.ts';
import { GLOBAL_REGION, type Target } from '../../collect/target.ts';
import type { CallState } from '../evidence-view.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { accountResource, judgeCall, required, type CallVerdicts } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { coversAction, parsePolicy, principals } from './policy-document.ts';

export const CLASSIFICATION_TAG = /^(data[-_.: ]?)?classification$/i;
const LOG_CLASS = /^(audit[-_ ]?)?logs?$/i;
const LOG_DELIVERY_PRINCIPALS = new Set([
  'logging.s3.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'delivery.logs.amazonaws.com',
  'config.amazonaws.com',
  'logdelivery.elasticloadbalancing.amazonaws.com',
  'bedrock.amazonaws.com',
]);

export type BucketRole = 'data' | 'logs' | 'undetermined';

/** What telling buckets apart reads (list, location, and the settings that mark a log bucket). */
export type BucketKeys = 's3.ListBuckets' | 's3.GetBucketLocation' | 's3.GetBucketLogging' | 's3.GetBucketPolicy' | 's3.GetBucketTagging';

export interface Bucket {
  name: string;
  /** Where findings about the bucket go: its region, or "global" when that could not be learnt. */
  where: Target;
  resource: ResourceRef;
  role: BucketRole;
  /** Why the bucket is a log bucket, or why its role is undetermined. */
  roleReason: string;
  records: EvidenceRecord[];
}

function locationToRegion(constraint: unknown): string {
  if (constraint === null || constraint === undefined || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return String(constraint);
}

function tags(call: CallState<EvidenceResponse<'s3.GetBucketTagging'>>) {
  return call.state === 'ok' ? (call.responses[0]?.TagSet ?? []) : [];
}

function policyWritesLogs(call: CallState<EvidenceResponse<'s3.GetBucketPolicy'>>): boolean | undefined {
  if (call.state === 'not_configured') return false;
  if (call.state !== 'ok') return undefined;
  try {
    return parsePolicy(call.responses[0]?.Policy).some(
      (s) => s.effect === 'Allow' && coversAction(s, 's3:PutObject') && principals(s, 'Service').some((p) => LOG_DELIVERY_PRINCIPALS.has(p)),
    );
  } catch {
    return undefined;
  }
}

export type BucketsAt = { ok: true; buckets: Bucket[]; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] };

export function bucketsAt(ctx: RuleContext<BucketKeys>, global: Target): BucketsAt {
  const list = ctx.evidence.call('s3.ListBuckets', global);
  if (list.state !== 'ok') return { ok: false, error: list.error, records: list.records };
  const listed = list.responses.flatMap((r) => r.Buckets ?? []).map((b) => ({ ...b, Name: required(b, 'Name', 'A listed bucket') }));
  const accessLogTargets = new Set<string>();
  for (const b of listed) {
    const logging = ctx.evidence.call('s3.GetBucketLogging', global, { Bucket: b.Name });
    const target = logging.state === 'ok' ? logging.responses[0]?.LoggingEnabled?.TargetBucket : undefined;
    if (target) accessLogTargets.add(target);
  }
  const buckets = listed.map((b): Bucket => {
    const records = [...list.records];
    let region = b.BucketRegion;
    if (!region) {
      const loc = ctx.evidence.call('s3.GetBucketLocation', global, { Bucket: b.Name });
      records.push(...loc.records);
      if (loc.state === 'ok') region = locationToRegion(loc.responses[0]?.LocationConstraint);
    }
    const policy = ctx.evidence.call('s3.GetBucketPolicy', global, { Bucket: b.Name });
    const tagging = ctx.evidence.call('s3.GetBucketTagging', global, { Bucket: b.Name });
    const classTag = tags(tagging).find((t) => CLASSIFICATION_TAG.test(t.Key ?? ''));
    const writesLogs = policyWritesLogs(policy);
    let role: BucketRole = 'data';
    let roleReason = 'not a log destination';
    if (accessLogTargets.has(b.Name)) [role, roleReason] = ['logs', 'it receives S3 server access logs'];
    else if (writesLogs) [role, roleReason] = ['logs', 'its policy lets a log-delivery service write to it'];
    else if (classTag && LOG_CLASS.test(classTag.Value ?? '')) [role, roleReason] = ['logs', `it is tagged ${classTag.Key}=${classTag.Value}`];
    else if (writesLogs === undefined || (tagging.state !== 'ok' && tagging.state !== 'not_configured')) {
      [role, roleReason] = ['undetermined', `its policy or tags could not be read (${policy.state === 'ok' || policy.state === 'not_configured' ? tagging.state : policy.state})`];
    }
    return {
      name: b.Name,
      where: { account: global.account, region: region ?? GLOBAL_REGION },
      resource: { type: 'AWS::S3::Bucket', id: b.Name, arn: `arn:aws:s3:::${b.Name}` },
      role,
      roleReason,
      records,
    };
  });
  return { ok: true, buckets, records: list.records };
}

export interface BucketOptions {
  /** Which buckets the control is about; undetermined buckets get `unknown` when a role is required. */
  only?: 'data' | 'logs';
  noun?: string;
}

/** Evaluates each bucket (of the wanted role) of every account; list failures and empty lists as usual. */
export function forEachBucket(ctx: RuleContext<BucketKeys>, opts: BucketOptions, judge: (b: Bucket) => Finding): Finding[] {
  const findings: Finding[] = [];
  const noun = opts.noun ?? (opts.only === 'logs' ? 'log buckets' : opts.only === 'data' ? 'data buckets' : 'S3 buckets');
  for (const account of ctx.scope.accounts) {
    const global = { account, region: GLOBAL_REGION };
    const at = bucketsAt(ctx, global);
    if (!at.ok) {
      findings.push(ctx.finding('unknown', global, accountResource(global), `Could not list S3 buckets: ${at.error}`, at.records));
      continue;
    }
    let judged = 0;
    for (const b of at.buckets) {
      if (opts.only && b.role === 'undetermined') {
        findings.push(ctx.finding('unknown', b.where, b.resource, `Cannot tell whether ${b.name} is a log bucket: ${b.roleReason}.`, b.records));
        judged++;
      } else if (!opts.only || b.role === opts.only) {
        findings.push(judge(b));
        judged++;
      }
    }
    if (judged === 0) findings.push(ctx.finding('not_applicable', global, accountResource(global), `No ${noun} in account ${account}.`, at.records));
  }
  return findings;
}

/** The per-bucket call of a setting, always at the global target with input { Bucket }. */
export function bucketCall<K extends KnownEvidenceKey>(ctx: RuleContext<NoInfer<K>>, key: K, b: Bucket): CallState<EvidenceResponse<K>> {
  return ctx.evidence.call(key, { account: b.where.account, region: GLOBAL_REGION }, { Bucket: b.name });
}

/**
 * The usual bucket-setting rule: judges one per-bucket call (e.g. s3.GetBucketVersioning) for each
 * bucket of the wanted role. The bucket's own records (list, location) go with each finding.
 */
export function judgeBucketSetting<K extends KnownEvidenceKey>(ctx: RuleContext<NoInfer<K> | BucketKeys>, key: K, opts: BucketOptions, verdicts: (b: Bucket) => CallVerdicts<EvidenceResponse<K>>): Finding[] {
  return forEachBucket(ctx, opts, (b) => judgeCall(ctx, b.where, b.resource, bucketCall(ctx, key, b), verdicts(b), b.records));
}
