// CloudWatch alarms in the sample account: one per security metric filter of the org trail's log
// group (us-east-1) and one per change filter of the EU team trail's group (eu-west-1), each notifying
// the region's security SNS topic.
import type { DescribeAlarmsCommandOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, TRAILS } from './account.ts';
import { EU_CHANGE_FILTERS, SECURITY_METRIC_NAMESPACE } from './logs.ts';

const METRICS = ['RootAccountUsage', 'ConsoleSignInFailures', 'UnauthorizedApiCalls', 'CloudTrailChanges', 'IamPolicyChanges', 'KmsKeyDisabledOrDeleted'];

export function register(sim: SimulatedAws): void {
  sim.on<DescribeAlarmsCommandOutput>('cloudwatch.DescribeAlarms', (_input, t) => {
    const metrics = t.region === TRAILS.org.homeRegion ? METRICS : t.region === TRAILS.euData.homeRegion ? EU_CHANGE_FILTERS.map((f) => f.name) : [];
    const alarms: MetricAlarm[] = metrics.map((m) => ({
      AlarmName: `security-${m}`,
      AlarmArn: arn('cloudwatch', t.region, `alarm:security-${m}`),
      AlarmDescription: `CIS monitoring: ${m}`,
      ActionsEnabled: true,
      AlarmActions: [arn('sns', t.region, 'acme-security-alerts')],
      OKActions: [],
      InsufficientDataActions: [],
      StateValue: 'OK',
      StateUpdatedTimestamp: daysBefore(2),
      MetricName: m,
      Namespace: SECURITY_METRIC_NAMESPACE,
      Statistic: 'Sum',
      Dimensions: [],
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    }));
    return { MetricAlarms: alarms, CompositeAlarms: [] };
  });
}
