// CloudTrail events that reach people: a metric filter on the trail's CloudWatch Logs group whose
// pattern matches the events, and an enabled CloudWatch alarm with an action on the filter's metric
// (the CIS AWS Foundations monitoring pattern). Shared by the rules that require such alarms.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import { mergePages } from '../absent-field.ts';
import { listAt, required, targets } from '../rule-helpers.ts';
import type { Finding } from '../finding.ts';
import type { RuleContext } from '../rule.ts';
import { managementEvents, regionCoverage, type TrailInfo } from './cloudtrail-trails.ts';

type MetricFilter = NonNullable<EvidenceResponse<'cloudwatch-logs.DescribeMetricFilters'>['metricFilters']>[number];
type AlarmKeys = 'cloudwatch-logs.DescribeMetricFilters' | 'cloudwatch.DescribeAlarms';

export const ALARMED_CHANGES_EVIDENCE = ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors', 'cloudwatch-logs.DescribeMetricFilters', 'cloudwatch.DescribeAlarms'] as const;

export function logGroupOf(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:([^:]+)/.exec(arn);
  return m ? { region: m[1]!, name: m[2]! } : undefined;
}

export type AlarmedFilters = { ok: true; filters: MetricFilter[]; alerted: (f: MetricFilter) => boolean; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] };

/** The metric filters on a log group, and whether a filter's metric is watched by an enabled alarm that has an action. */
export function alarmedFilters(ctx: RuleContext<AlarmKeys>, account: string, group: { region: string; name: string }): AlarmedFilters {
  const at: Target = { account, region: group.region };
  const filters = listAt(ctx, 'cloudwatch-logs.DescribeMetricFilters', at, (r) => r.metricFilters);
  const alarms = listAt(ctx, 'cloudwatch.DescribeAlarms', at, (r) => r.MetricAlarms);
  const records = [...filters.records, ...alarms.records];
  if (!filters.ok || !alarms.ok) return { ok: false, error: [!filters.ok ? filters.error : '', !alarms.ok ? alarms.error : ''].filter(Boolean).join(' '), records };
  const alarmed = (metric: { metricName?: string; metricNamespace?: string }) =>
    alarms.items.some((a) => a.MetricName === metric.metricName && a.Namespace === metric.metricNamespace && required(a, 'ActionsEnabled', `Alarm ${a.AlarmName}`) && required(a, 'AlarmActions', `Alarm ${a.AlarmName}`).length > 0);
  return { ok: true, filters: filters.items.filter((f) => f.logGroupName === group.name), alerted: (f) => (f.metricTransformations ?? []).some(alarmed), records };
}

/** A group of API calls a filter must match, e.g. "security group changes". */
export interface ChangeCategory {
  name: string;
  events: readonly string[];
}

/**
 * Whether a filter pattern matches every event of the category: each must be named as
 * `$.eventName = X`, and the pattern must not narrow them with `&&` (e.g. to one user or region).
 */
export function patternMatchesAll(pattern: string, events: readonly string[]): boolean {
  if (pattern.includes('&&')) return false;
  const named = new Set([...pattern.matchAll(/\$\.eventName\s*=\s*"?([A-Za-z0-9]+)"?/g)].map((m) => m[1]));
  return events.every((e) => named.has(e));
}

/**
 * Per region in scope: pass when a logging trail that records the region's management events (reads and
 * writes) delivers them to a log group where, for every category, a metric filter matching all of its
 * events feeds an alarm with an action. Fail names what each trail lacks; unknown when that turns on
 * evidence that could not be read.
 */
export function alarmedChangeCoverage(ctx: RuleContext<(typeof ALARMED_CHANGES_EVIDENCE)[number]>, categories: readonly ChangeCategory[]): Finding[] {
  const names = categories.map((c) => c.name).join(', ');
  return targets(ctx, 'regional').map((where) =>
    regionCoverage(ctx, where, `management events with alarms on ${names}`, (t: TrailInfo, selectors, cite) => {
      if (selectors.state !== 'ok') return { unknown: `the event selectors of trail ${t.Name} could not be read (${selectors.error})` };
      const recorded = managementEvents(mergePages(selectors.responses));
      if (recorded !== 'all') return { gap: `records ${recorded === 'none' ? 'no' : recorded} management events` };
      if (!t.CloudWatchLogsLogGroupArn) return { gap: 'delivers to no CloudWatch Logs log group' };
      const group = logGroupOf(t.CloudWatchLogsLogGroupArn);
      if (!group) return { unknown: `the log group ARN ${t.CloudWatchLogsLogGroupArn} of trail ${t.Name} cannot be read` };
      const alarmed = alarmedFilters(ctx, where.account, group);
      cite(alarmed.records);
      if (!alarmed.ok) return { unknown: `metric filters or alarms of log group ${group.name} could not be read (${alarmed.error})` };
      const missing = categories.filter((c) => !alarmed.filters.some((f) => patternMatchesAll(f.filterPattern ?? '', c.events) && alarmed.alerted(f)));
      if (missing.length) return { gap: `log group ${group.name} has no alarmed metric filter matching every call of ${missing.map((c) => c.name).join(', ')}` };
      return `delivers all management events to log group ${group.name}, whose metric filters feed alarms with actions on ${names}`;
    }),
  );
}
