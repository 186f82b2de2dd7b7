// The run's scope and limits as the report states them: how the evidence was obtained (live or replayed
// from a recording, and when), how the regions were chosen, the parameters in force, and the services
// examined and not examined.
import type { IterableResults } from '../../results/run-results.ts';
import { FRAMEWORK_SHORT } from './labels.ts';

export interface ScopeView {
  /** "Collected live from AWS" / "Replayed from a recording made 2026-11-20 02:00 UTC (...)". */
  evidenceOrigin: string;
  replay: boolean;
  collectionWindow: string;
  regionSelection: string;
  parameters: [string, string][];
  examined: { service: string; operations: string }[];
  resourceTypes: string[];
  notExamined: { service: string; resourceTypes: string; limits: string }[];
}

const REGION_SELECTION = {
  requested: 'Requested for this run (--regions or the configuration file).',
  'enabled-regions': "Every region the account can use: ec2 DescribeRegions (AllRegions) in the home region, keeping regions whose opt-in status is 'opt-in-not-required' or 'opted-in'.",
  recording: 'The regions the replayed recording holds (chosen when it was recorded).',
  simulated: 'The regions of the simulated account.',
} as const;

function utc(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d{3}Z$|Z$/, ' UTC');
}

export function buildScopeView(results: IterableResults): ScopeView {
  const { run, scope } = results;
  const where = run.source.location ? ` (${run.source.location})` : '';
  const evidenceOrigin =
    run.source.kind === 'live'
      ? 'Collected live from AWS during the run.'
      : run.source.kind === 'snapshot'
        ? `Replayed from a recording${where}${run.source.recordedAt ? ` made ${utc(run.source.recordedAt)}` : ''}: the evidence was not collected at run time.`
        : `Simulated account${where}: not evidence about a real AWS account.`;
  const p = run.parameters;
  return {
    evidenceOrigin,
    replay: run.source.kind === 'snapshot',
    collectionWindow: run.collectionWindow ? `${utc(run.collectionWindow.from)} to ${utc(run.collectionWindow.to)} (earliest and latest evidence record)` : 'No evidence records.',
    regionSelection: `${REGION_SELECTION[run.regionSelection.method]}${run.regionSelection.evidence.length ? ` Evidence: ${run.regionSelection.evidence.join(', ')}.` : ''}`,
    parameters: [
      ['Allowed regions (data residency)', p.allowedRegions.length ? p.allowedRegions.join(', ') : 'every region in scope'],
      ['Access key maximum age', `${p.accessKeyMaxAgeDays} days`],
      ['Log retention minimum', `${p.logRetentionMinDays} days`],
      ['Expected Bedrock invokers', p.bedrockExpectedInvocations ? `${p.bedrockExpectedInvocations.principals.join(', ')} in ${p.bedrockExpectedInvocations.regions.join(', ')}` : 'not configured'],
      ['Certificate expiry window', `${p.certificateExpiryWindowDays} days`],
      ['Password policy', `at least ${p.passwordMinLength} characters, last ${p.passwordReusePrevention} passwords not reused`],
      ['Scan findings that disqualify a scan', p.scanDisqualifyingSeverities.join(', ')],
      ['Evaluated as of', utc(run.evaluatedAt)],
    ],
    examined: scope.examined.map((s) => ({ service: s.service, operations: s.operations.join(', ') })),
    resourceTypes: scope.resourceTypes,
    notExamined: scope.notExamined.map((s) => ({
      service: s.service,
      resourceTypes: s.resourceTypes,
      limits: s.limits.filter((l) => run.frameworks.includes(l.framework)).map((l) => `${FRAMEWORK_SHORT[l.framework]} ${l.requirement}`).join(', ') || '-',
    })),
  };
}
