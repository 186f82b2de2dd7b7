// A rule is the pure evaluator of one automated control: evidence in, findings out. One rule a file
// in src/evaluate/rules/, named by the control id (the desired state).
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Scope, Target } from '../collect/target.ts';
import type { Control } from '../catalog/catalog-schema.ts';
import type { KnownEvidenceKey } from '../collect/evidence-shapes.ts';
import type { EvidenceAccess } from './evidence-view.ts';
import { findingId, type Finding, type FindingStatus, type ResourceRef } from './finding.ts';

/** Settings rules may read; they come from the run's config so that results are reproducible. */
export interface RuleParameters {
  /** The evaluation time (not the wall clock), so ages like "key older than 90 days" replay identically. */
  now: Date;
  /** Regions where data may reside; resources elsewhere fail the residency control. Empty means every region in scope. */
  allowedRegions: string[];
  accessKeyMaxAgeDays: number;
  logRetentionMinDays: number;
  /** Principals (ARN globs) and regions expected to invoke Bedrock models; absent: not configured. */
  bedrockExpectedInvocations?: { principals: string[]; regions: string[] };
}

/** What a rule sees: `K` are the evidence keys it declares, the only ones it can read. */
export interface RuleContext<K extends KnownEvidenceKey = KnownEvidenceKey> {
  control: Control;
  scope: Scope;
  params: RuleParameters;
  evidence: EvidenceAccess<K>;
  finding(status: FindingStatus, where: Target, resource: ResourceRef, reason: string, records: readonly EvidenceRecord[]): Finding;
}

export interface Rule {
  controlId: string;
  /** The evidence keys the rule reads: the run collects them, and the rule can read nothing else. */
  evidence: readonly KnownEvidenceKey[];
  /**
   * Fields whose absence AWS documents as a value the rule relies on (DescribeLogGroups leaves out
   * retentionInDays for "never expire"). Every other judged field, when absent, is `unknown`; the
   * stripped-field test checks that and leaves only these out.
   */
  documentedAbsences?: readonly string[];
  evaluate(ctx: RuleContext): Finding[];
}

/**
 * Declares a rule and its inputs (Lighthouse-style): `evaluate` gets a context typed for exactly the
 * keys in `evidence`, so reading another key, or a field the SDK output does not have, fails `tsc`.
 */
export function defineRule<const K extends KnownEvidenceKey>(rule: { controlId: string; evidence: readonly K[]; documentedAbsences?: readonly string[]; evaluate: (ctx: RuleContext<K>) => Finding[] }): Rule {
  return rule as Rule;
}

export function makeFinding(controlId: string, status: FindingStatus, where: Target, resource: ResourceRef, reason: string, records: readonly EvidenceRecord[]): Finding {
  return {
    id: findingId(controlId, where.account, where.region, resource.id),
    controlId,
    status,
    resource,
    account: where.account,
    region: where.region,
    reason,
    evidence: [...new Set(records.map((r) => r.id))].sort(),
  };
}
