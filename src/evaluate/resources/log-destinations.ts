// Encryption of the places AI services write logs to: a CloudWatch Logs log group (its kmsKeyId from
// DescribeLogGroups in the group's region) or an S3 bucket (its default encryption, collected globally).
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { GLOBAL_REGION, type Target } from '../../collect/target.ts';
import type { FindingStatus } from '../finding.ts';
import { judgeCustomerManagedKey, type KeyEvidence } from '../kms-key.ts';
import { listAt } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export interface DestinationVerdict {
  status: FindingStatus;
  reason: string;
  records: EvidenceRecord[];
}

/** Accepts a log group name or ARN (arn:aws:logs:<region>:<account>:log-group:<name>[:*]). */
export function logGroupName(nameOrArn: string): string {
  const m = /:log-group:([^:]+)/.exec(nameOrArn);
  return m ? m[1]! : nameOrArn;
}

export function logGroupEncryption(ctx: RuleContext<'cloudwatch-logs.DescribeLogGroups'>, at: Target, nameOrArn: string): DestinationVerdict {
  const name = logGroupName(nameOrArn);
  const groups = listAt(ctx, 'cloudwatch-logs.DescribeLogGroups', at, (r) => r.logGroups);
  if (!groups.ok) return { status: 'unknown', reason: `Could not read log group ${name}: ${groups.error}`, records: groups.records };
  const group = groups.items.find((g) => g.logGroupName === name);
  if (!group) return { status: 'unknown', reason: `Log group ${name} was not found in ${at.region}; its encryption cannot be verified.`, records: groups.records };
  return group.kmsKeyId
    ? { status: 'pass', reason: `log group ${name} is encrypted with KMS key ${group.kmsKeyId}`, records: groups.records }
    : { status: 'fail', reason: `log group ${name} has no KMS key (CloudWatch Logs service-managed encryption only)`, records: groups.records };
}

export function bucketEncryption(ctx: RuleContext<'s3.GetBucketEncryption' | KeyEvidence>, account: string, bucket: string): DestinationVerdict {
  const call = ctx.evidence.call('s3.GetBucketEncryption', { account, region: GLOBAL_REGION }, { Bucket: bucket });
  if (call.state === 'not_configured') return { status: 'fail', reason: `bucket ${bucket} has no default encryption configuration`, records: call.records };
  if (call.state !== 'ok') return { status: 'unknown', reason: `Could not read the encryption of bucket ${bucket}: ${call.error}`, records: call.records };
  const rules = call.responses[0]?.ServerSideEncryptionConfiguration?.Rules;
  if (!rules) return { status: 'unknown', reason: `the encryption configuration of bucket ${bucket} lacks Rules, so it cannot be judged`, records: call.records };
  const sse = rules.map((r) => r.ApplyServerSideEncryptionByDefault).find((d) => d?.SSEAlgorithm);
  const key = sse?.KMSMasterKeyID;
  if (sse?.SSEAlgorithm?.startsWith('aws:kms') && key) {
    // A key ARN names its own region; a bare key id in a bucket setting cannot be placed and stays unknown.
    const v = judgeCustomerManagedKey(ctx, { account, region: GLOBAL_REGION }, key, `bucket ${bucket}`);
    return { status: v.status, reason: v.reason.replace(/\.$/, ''), records: [...call.records, ...(v.records ?? [])] };
  }
  return { status: 'fail', reason: `bucket ${bucket} encrypts by default with ${sse?.SSEAlgorithm ?? 'no algorithm'}${key ? ` and ${key}` : ''}, not a customer-managed KMS key`, records: call.records };
}

/** Worst status wins: fail over unknown over pass. */
export function combine(verdicts: DestinationVerdict[]): DestinationVerdict {
  const status: FindingStatus = verdicts.some((v) => v.status === 'fail') ? 'fail' : verdicts.some((v) => v.status === 'unknown') ? 'unknown' : 'pass';
  return { status, reason: verdicts.map((v) => v.reason).join('; '), records: verdicts.flatMap((v) => v.records) };
}
