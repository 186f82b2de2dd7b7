import { alarmedFilters, logGroupOf } from '../aws/cloudtrail-metric-alarms.ts';
import { forEachHomeTrail, trailResource } from '../aws/cloudtrail-trails.ts';
import { defineRule } from '../rule.ts';

// The security events responders must hear about without reading logs (after the CIS AWS Foundations
// monitoring section). A category counts when a metric filter on the trail's log group matches it AND
// an enabled CloudWatch alarm with an action watches the filter's metric.
const CATEGORIES: { name: string; tokens: RegExp }[] = [
  { name: 'root user activity', tokens: /Root/ },
  { name: 'console sign-in failures', tokens: /ConsoleLogin/ },
  { name: 'unauthorized API calls', tokens: /UnauthorizedOperation|AccessDenied/ },
  { name: 'CloudTrail configuration changes', tokens: /StopLogging|DeleteTrail|UpdateTrail/ },
  { name: 'IAM policy changes', tokens: /PutRolePolicy|AttachRolePolicy|PutUserPolicy|CreatePolicyVersion/ },
  { name: 'KMS key disabling or scheduled deletion', tokens: /DisableKey|ScheduleKeyDeletion/ },
];

export const rule = defineRule({
  controlId: 'cloudtrail-security-event-alarms-configured',
  evidence: ['cloudtrail.DescribeTrails', 'cloudwatch-logs.DescribeMetricFilters', 'cloudwatch.DescribeAlarms'],
  evaluate: (ctx) =>
    forEachHomeTrail(
      ctx,
      (t, where, trailRecords) => {
        const group = logGroupOf(t.CloudWatchLogsLogGroupArn!);
        if (!group) return ctx.finding('unknown', where, trailResource(t), `Cannot parse the log group ARN ${t.CloudWatchLogsLogGroupArn}.`, trailRecords);
        const alarmed = alarmedFilters(ctx, where.account, group);
        const records = [...trailRecords, ...alarmed.records];
        if (!alarmed.ok) return ctx.finding('unknown', where, trailResource(t), `Cannot read metric filters or alarms: ${alarmed.error}`, records);
        const onGroup = alarmed.filters;
        const missing = CATEGORIES.filter((c) => !onGroup.some((f) => c.tokens.test(f.filterPattern ?? '') && alarmed.alerted(f)));
        return missing.length === 0
          ? ctx.finding('pass', where, trailResource(t), `Log group ${group.name} has alarmed metric filters for ${CATEGORIES.map((c) => c.name).join(', ')}.`, records)
          : ctx.finding('fail', where, trailResource(t), `Log group ${group.name} has no metric filter with an alarm that notifies someone for: ${missing.map((c) => c.name).join(', ')}.`, records);
      },
      { noun: 'CloudTrail trails homed in this region that deliver to CloudWatch Logs', keep: (t) => Boolean(t.CloudWatchLogsLogGroupArn) },
    ),
});
