// CloudWatch alarms in the sample account: one per security metric filter of the org trail's log
// group (us-east-1), each notifying the security SNS topic; nothing in eu-west-1.
import type { DescribeAlarmsCommandOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, TRAILS } from './account.ts';
import { SECURITY_METRIC_NAMESPACE } from './logs.ts';

const METRICS = ['RootAccountUsage', 'ConsoleSignInFailures', 'UnauthorizedApiCalls', 'CloudTrailChanges', 'IamPolicyChanges', 'KmsKeyDisabledOrDeleted'];

export function register(sim: SimulatedAws): void {
  sim.on<DescribeAlarmsCommandOutput>('cloudwatch.DescribeAlarms', (_input, t) => {
    const alarms: MetricAlarm[] =
      t.region !== TRAILS.org.homeRegion
        ? []
        : METRICS.map((m) => ({
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
