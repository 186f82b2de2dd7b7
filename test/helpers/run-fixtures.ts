// Run metadata parts that hand-built results (fixtures, synthetic runs) need: the default parameters
// and an empty scope statement.
import type { RunParameters } from '../../src/results/run-results.ts';
import type { ScopeStatement } from '../../src/results/scope-statement.ts';

export const DEFAULT_PARAMETERS: RunParameters = { allowedRegions: [], accessKeyMaxAgeDays: 90, logRetentionMinDays: 365, certificateExpiryWindowDays: 30, passwordMinLength: 14, passwordReusePrevention: 24, scanDisqualifyingSeverities: ['critical', 'high'] };

export const EMPTY_SCOPE: ScopeStatement = { examined: [], resourceTypes: [], notExamined: [] };
