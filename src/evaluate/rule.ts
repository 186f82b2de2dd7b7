// A rule is the pure evaluator of one automated control: evidence in, findings out. One rule a file
// in src/evaluate/rules/, named by the control id (the desired state).
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Scope, Target } from '../collect/target.ts';
import type { Control } from '../catalog/catalog-schema.ts';
import type { EvidenceView } from './evidence-view.ts';
import { findingId, type Finding, type FindingStatus, type ResourceRef } from './finding.ts';

/** Settings rules may read; they come from the run's config so that results are reproducible. */
export interface RuleParameters {
  /** The evaluation time (not the wall clock), so ages like "key older than 90 days" replay identically. */
  now: Date;
  /** Regions where data may reside; resources elsewhere fail the residency control. Empty means every region in scope. */
  allowedRegions: string[];
  accessKeyMaxAgeDays: number;
  logRetentionMinDays: number;
}

export interface RuleContext {
  control: Control;
  scope: Scope;
  params: RuleParameters;
  evidence: EvidenceView;
  finding(status: FindingStatus, where: Target, resource: ResourceRef, reason: string, records: readonly EvidenceRecord[]): Finding;
}

export interface Rule {
  controlId: string;
  evaluate(ctx: RuleContext): Finding[];
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
