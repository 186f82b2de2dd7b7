// The workbook's sheet names and the team's status choices: one place for the renderer, the tracker
// sheets and the tests that read the workbook back.
import { FRAMEWORK_SHORT } from '../view-model/labels.ts';
import { TRACKER_SHEETS } from '../tracker/tracker-sheets.ts';

export const GAP_STATUSES = ['Open', 'In progress', 'Risk accepted', 'Resolved'];
export const PBC_STATUSES = ['Requested', 'In progress', 'Supplied', 'Not applicable'];
export const SHEETS = { summary: 'Summary', gaps: TRACKER_SHEETS.gaps, resolved: TRACKER_SHEETS.resolved, pbc: TRACKER_SHEETS.pbc, controls: 'Controls', crosswalk: 'Crosswalk', findings: 'Findings', evidence: 'Evidence' } as const;
export function requirementsSheetName(framework: keyof typeof FRAMEWORK_SHORT): string {
  return `Requirements ${FRAMEWORK_SHORT[framework]}`;
}
