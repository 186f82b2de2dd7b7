// CIS AWS Foundations 1.12: an IAM user's console password and each active access key must have been
// used within the last 45 days (or, never used, been created within them). The credential report is the
// one source that has last use for both; the root user is left to the root-account controls.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import { credentialReportRows, reportDate, ROOT_ROW, type ReportRow } from '../aws/iam-credential-report.ts';
import type { Finding } from '../finding.ts';
import { AbsentField, accountResource, daysBetween, guarded, required, targets } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

const MAX_DAYS = RULE_THRESHOLDS.unusedCredentialMaxDays;

function flag(row: ReportRow, column: string, user: string): boolean {
  const value = row.get(column);
  if (value === 'true' || value === 'false') return value === 'true';
  throw new AbsentField(column, `The credential report row of ${user} (value "${value}")`);
}

interface Credential {
  name: string;
  /** Days since last use, or since it was set when it was never used. */
  idleDays: number;
  how: string;
}

function credential(name: string, now: Date, used: Date | undefined, set: Date | undefined, setColumn: string, user: string): Credential {
  if (used) return { name, idleDays: daysBetween(used, now), how: `last used ${daysBetween(used, now)} days ago` };
  if (!set) throw new AbsentField(setColumn, `The credential report row of ${user} (never used, and no date it was set)`);
  return { name, idleDays: daysBetween(set, now), how: `never used, set ${daysBetween(set, now)} days ago` };
}

function enabledCredentials(row: ReportRow, user: string, now: Date): Credential[] {
  const date = (column: string) => reportDate(row.get(column), column, user);
  const out: Credential[] = [];
  if (flag(row, 'password_enabled', user)) {
    const set = date('password_last_changed') ?? date('user_creation_time');
    out.push(credential('console password', now, date('password_last_used'), set, 'password_last_changed', user));
  }
  for (const n of [1, 2]) {
    if (!flag(row, `access_key_${n}_active`, user)) continue;
    out.push(credential(`access key ${n}`, now, date(`access_key_${n}_last_used_date`), date(`access_key_${n}_last_rotated`), `access_key_${n}_last_rotated`, user));
  }
  return out;
}

function judgeUser(ctx: RuleContext<never>, where: Target, row: ReportRow, records: readonly EvidenceRecord[]): Finding[] {
  const user = row.get('user');
  const resource = { type: 'AWS::IAM::User', id: user, arn: row.get('arn') };
  return guarded(ctx, where, resource, records, () => {
    const creds = enabledCredentials(row, user, ctx.params.now);
    if (creds.length === 0) return ctx.finding('not_applicable', where, resource, 'The user has no enabled console password and no active access key.', records);
    const listed = creds.map((c) => `${c.name} ${c.how}`).join('; ');
    const idle = creds.filter((c) => c.idleDays > MAX_DAYS);
    return idle.length === 0
      ? ctx.finding('pass', where, resource, `Every enabled credential was used within ${MAX_DAYS} days: ${listed}.`, records)
      : ctx.finding('fail', where, resource, `Unused for more than ${MAX_DAYS} days and still enabled: ${idle.map((c) => c.name).join(', ')} (${listed}).`, records);
  });
}

export const rule = defineRule({
  controlId: 'iam-unused-credentials-disabled',
  evidence: ['iam.GetCredentialReport'],
  evaluate: (ctx) =>
    targets(ctx, 'global').flatMap((where): Finding[] => {
      const call = ctx.evidence.call('iam.GetCredentialReport', where);
      const account = accountResource(where);
      if (call.state !== 'ok') return [ctx.finding('unknown', where, account, `The IAM credential report could not be read (not yet generated, or the call failed): ${call.error}`, call.records)];
      // A report without Content or a header is unknown as a whole; a row lacking a column, that user only.
      return guarded(ctx, where, account, call.records, () => {
        const rows = credentialReportRows(required(call.responses[0], 'Content', 'The credential report')).filter((r) => r.get('user') !== ROOT_ROW);
        if (rows.length === 0) return ctx.finding('not_applicable', where, account, 'The credential report lists no IAM user (only the root user, judged by the root-account controls).', call.records);
        return rows.flatMap((row) => judgeUser(ctx, where, row, call.records));
      });
    }),
});
