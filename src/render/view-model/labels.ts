// Words and colors for statuses, shared by every renderer so the PDF and the spreadsheet agree.
import type { Coverage, Severity } from '../../catalog/catalog-schema.ts';
import type { ControlOutcome } from '../../map/control-outcome.ts';
import type { FindingStatus } from '../../evaluate/finding.ts';
import type { RequirementStatus } from '../../map/requirement-status.ts';

export { FRAMEWORK_NAMES, FRAMEWORK_SHORT } from '../../catalog/framework-names.ts';

export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  met: 'Met',
  not_met: 'Not met',
  unknown: 'Unknown',
  not_applicable: 'Not applicable',
  manual: 'Manual',
  inherited: 'Inherited',
  inherited_no_evidence: 'Inherited — provider evidence not attached',
  out_of_scope: 'Out of scope',
};

export const CONTROL_STATUS_LABELS: Record<ControlOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
  not_applicable: 'Not applicable',
  manual: 'Manual',
  attested: 'Attested',
  expired: 'Expired',
};

/** How a requirement is covered (the catalog's `coverage`). */
export const COVERAGE_LABELS: Record<Coverage, string> = { automated: 'Automated', hybrid: 'Hybrid', manual: 'Manual', inherited: 'Inherited', out_of_scope: 'Out of scope' };

export const STRENGTH_LABELS = { primary: 'Primary', supporting: 'Supporting' } as const;

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', not_applicable: 'Not applicable' };

/** Hex colors (no '#'), colorblind-safe-ish and printable. */
export const STATUS_COLORS: Record<RequirementStatus | ControlOutcome, string> = {
  met: '2E7D32',
  pass: '2E7D32',
  not_met: 'C62828',
  fail: 'C62828',
  expired: 'C62828',
  unknown: '6A1B9A',
  manual: '1565C0',
  attested: '1565C0',
  inherited: '00838F',
  inherited_no_evidence: 'EF6C00',
  not_applicable: '9E9E9E',
  out_of_scope: 'BDBDBD',
};

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
