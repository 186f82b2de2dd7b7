// Builds evidence records and rule contexts for rule tests, without AWS or a snapshot.
import { evidenceKey, recordId, sealRecord, type EvidenceRecord, type EvidenceError } from '../../src/collect/evidence-record.ts';
import type { Control } from '../../src/catalog/catalog-schema.ts';
import type { Scope } from '../../src/collect/target.ts';
import { EvidenceView, restrictTo } from '../../src/evaluate/evidence-view.ts';
import type { Finding } from '../../src/evaluate/finding.ts';
import { makeFinding, type Rule, type RuleContext, type RuleParameters } from '../../src/evaluate/rule.ts';

export const TEST_ACCOUNT = '111122223333';
export const TEST_TIME = '2026-11-20T02:00:00.000Z';

interface RecordSpec {
  account?: string;
  region?: string;
  input?: Record<string, unknown>;
}

function body(key: string, spec: RecordSpec) {
  const dot = key.indexOf('.');
  const base = { key: evidenceKey(key.slice(0, dot), key.slice(dot + 1)), service: key.slice(0, dot), operation: key.slice(dot + 1), account: spec.account ?? TEST_ACCOUNT, region: spec.region ?? 'eu-west-1', input: spec.input ?? {} };
  return { id: recordId(base), ...base, collectedAt: TEST_TIME, requestId: 'test-request' };
}

/** A successful call's record. */
export function ok(key: string, response: unknown, spec: RecordSpec = {}): EvidenceRecord {
  return sealRecord({ ...body(key, spec), outcome: 'ok', response });
}

/** KMS's DescribeKey answer for a key ARN, in the key's own account and region: who manages the key. */
export function keyManagedBy(keyArn: string, manager: 'CUSTOMER' | 'AWS' = 'CUSTOMER'): EvidenceRecord {
  const m = /^arn:aws[\w-]*:kms:([\w-]+):(\d{12}):key\/(.+)$/.exec(keyArn);
  if (!m) throw new Error(`not a key ARN: ${keyArn}`);
  return ok('kms.DescribeKey', { KeyMetadata: { KeyId: m[3], Arn: keyArn, KeyManager: manager } }, { account: m[2], region: m[1], input: { KeyId: m[3] } });
}

/** A failed call's record (default: AccessDenied). */
export function failed(key: string, spec: RecordSpec = {}, error: EvidenceError = { name: 'AccessDeniedException', httpStatus: 403, message: 'User is not authorized to perform this action' }): EvidenceRecord {
  return sealRecord({ ...body(key, spec), outcome: 'error', error });
}

/** A "not configured" answer's record (e.g. NoSuchPublicAccessBlockConfiguration). */
export function notConfigured(key: string, name: string, spec: RecordSpec = {}): EvidenceRecord {
  return sealRecord({ ...body(key, spec), outcome: 'not_configured', error: { name, httpStatus: 404, message: `${name}: not configured` } });
}

export function params(overrides: Partial<RuleParameters> = {}): RuleParameters {
  return { now: new Date(TEST_TIME), allowedRegions: [], accessKeyMaxAgeDays: 90, logRetentionMinDays: 365, ...overrides };
}

/** Runs a rule directly over records. `scope` defaults to one account in eu-west-1. */
export function runRule(rule: Rule, records: EvidenceRecord[], opts: { scope?: Scope; params?: Partial<RuleParameters> } = {}): Finding[] {
  const control = { id: rule.controlId } as Control;
  const ctx: RuleContext = {
    control,
    scope: opts.scope ?? { accounts: [TEST_ACCOUNT], regions: ['eu-west-1'] },
    params: params(opts.params),
    evidence: restrictTo(new EvidenceView(records), rule.evidence, rule.controlId),
    finding: (status, where, resource, reason, recs) => makeFinding(rule.controlId, status, where, resource, reason, recs),
  };
  return rule.evaluate(ctx);
}

export function statuses(findings: Finding[]): string[] {
  return findings.map((f) => f.status);
}

/** The one automated control of test/fixtures/catalog-min: the evidence its rule declares, as loadCatalog takes it. */
export function fixtureRuleEvidence(rules: ReadonlyMap<string, Rule>): Map<string, readonly string[]> {
  const id = 'sagemaker-notebook-direct-internet-disabled';
  return new Map([[id, rules.get(id)!.evidence]]);
}
