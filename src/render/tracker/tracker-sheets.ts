// Names the tracker is read back by: the sheets and the key and descriptive headers of control-gaps.xlsx.
// Columns are found by header, so a team may reorder or add columns.
export const TRACKER_SHEETS = { gaps: 'Gaps', resolved: 'Resolved', pbc: 'PBC' } as const;

export const FINDING_ID = 'Finding id';
export const PBC_ID = 'Request id';

/** What a Resolved row keeps of its Gaps row (the finding may be gone from the run that fixed it). */
export const DESCRIPTIVE_HEADERS = ['Control', 'Title', 'Severity', 'Account', 'Region', 'Resource type', 'Resource', 'First seen'] as const;
export type DescriptiveHeader = (typeof DESCRIPTIVE_HEADERS)[number];

export const RESOLVED_HEADERS = { run: 'Resolved by run', at: 'Resolved at (UTC)', how: 'Resolution' } as const;
