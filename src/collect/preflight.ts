// Evidence gathered while preparing a run's scope rather than by a collector: today, an account whose
// read-only role could not be assumed. It is kept as an error record (key sts.AssumeRole) so the
// account's failure is on file, and replayed from snapshots like any other record.
import { describeError } from './aws-error.ts';
import { recordId, sealRecord, type EvidenceRecord } from './evidence-record.ts';
import { GLOBAL_REGION } from './target.ts';

export const PREFLIGHT_KEYS: readonly string[] = ['sts.AssumeRole'];

export function assumeRoleFailureRecord(account: string, roleArn: string, sessionName: string, err: unknown, at: Date): EvidenceRecord {
  const { error, requestId } = describeError(err);
  const base = { key: 'sts.AssumeRole', service: 'sts', operation: 'AssumeRole', account, region: GLOBAL_REGION, input: { RoleArn: roleArn, RoleSessionName: sessionName } };
  return sealRecord({ id: recordId(base), ...base, collectedAt: at.toISOString(), ...(requestId ? { requestId } : {}), outcome: 'error', error });
}
