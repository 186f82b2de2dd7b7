// Evidence gathered while preparing a run's scope rather than by a collector: an account whose
// read-only role could not be assumed (an error record, key sts.AssumeRole, so the account's failure is
// on file), and the ec2 DescribeRegions answer the regions were chosen from. Replayed from snapshots
// like any other record.
import { describeError } from './aws-error.ts';
import { recordId, sealRecord, type EvidenceRecord } from './evidence-record.ts';
import { GLOBAL_REGION } from './target.ts';

export const PREFLIGHT_KEYS: readonly string[] = ['sts.AssumeRole', 'ec2.DescribeRegions'];

export function assumeRoleFailureRecord(account: string, roleArn: string, sessionName: string, err: unknown, at: Date): EvidenceRecord {
  const { error, requestId } = describeError(err);
  const base = { key: 'sts.AssumeRole', service: 'sts', operation: 'AssumeRole', account, region: GLOBAL_REGION, input: { RoleArn: roleArn, RoleSessionName: sessionName } };
  return sealRecord({ id: recordId(base), ...base, collectedAt: at.toISOString(), ...(requestId ? { requestId } : {}), outcome: 'error', error });
}

/** The DescribeRegions answer the run's regions were chosen from (AllRegions, filtered to enabled ones). */
export function describeRegionsRecord(account: string, region: string, response: unknown, requestId: string | undefined, at: Date): EvidenceRecord {
  const base = { key: 'ec2.DescribeRegions', service: 'ec2', operation: 'DescribeRegions', account, region, input: { AllRegions: true } };
  return sealRecord({ id: recordId(base), ...base, collectedAt: at.toISOString(), ...(requestId ? { requestId } : {}), outcome: 'ok', response: JSON.parse(JSON.stringify(response)) });
}
