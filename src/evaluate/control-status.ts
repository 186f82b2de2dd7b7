// How findings roll up into a control's status. Unknown is never counted as pass.
import type { Finding, FindingStatus } from './finding.ts';

export type ControlStatus = 'pass' | 'fail' | 'unknown' | 'not_applicable' | 'manual';

export type StatusCounts = Record<FindingStatus, number>;

/** A control's evaluated status and the counts it came from. */
export interface ControlResult {
  controlId: string;
  status: ControlStatus;
  counts: StatusCounts;
}

export function countFindings(findings: readonly Finding[]): StatusCounts {
  const counts: StatusCounts = { pass: 0, fail: 0, unknown: 0, not_applicable: 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

export function controlStatus(counts: StatusCounts): Exclude<ControlStatus, 'manual'> {
  if (counts.fail > 0) return 'fail';
  if (counts.unknown > 0) return 'unknown';
  if (counts.pass > 0) return 'pass';
  if (counts.not_applicable > 0) return 'not_applicable';
  // No findings at all: nothing was checked, which must never read as a pass.
  return 'unknown';
}
