import { forEachHomeTrail, trailResource, trailStatus } from '../aws/cloudtrail-trails.ts';
import { fail, judgeCall, pass, required, toDate } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// A configured log group is not enough: GetTrailStatus shows whether delivery is actually failing.
export const rule = defineRule({
  controlId: 'cloudtrail-cloudwatch-logs-delivery-enabled',
  evidence: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus'],
  evaluate: (ctx) =>
    forEachHomeTrail(ctx, (t, where, records) => {
      if (!t.CloudWatchLogsLogGroupArn) {
        return ctx.finding('fail', where, trailResource(t), 'The trail does not deliver to CloudWatch Logs: its events cannot drive metric filters, alarms or real-time review.', records);
      }
      return judgeCall(ctx, where, trailResource(t), trailStatus(ctx, where.account, t), {
        ok: (s) =>
          s.LatestCloudWatchLogsDeliveryError
            ? fail(`Delivery to ${t.CloudWatchLogsLogGroupArn} is failing: ${s.LatestCloudWatchLogsDeliveryError}.`)
            : pass(`Events are delivered to ${t.CloudWatchLogsLogGroupArn} (last delivery ${toDate(required(s, 'LatestCloudWatchLogsDeliveryTime', 'The trail status'))?.toISOString() ?? s.LatestCloudWatchLogsDeliveryTime}).`),
      }, records);
    }),
});
