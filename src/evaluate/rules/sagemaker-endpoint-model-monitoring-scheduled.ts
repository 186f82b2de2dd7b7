// Every in-service endpoint is watched by running (Scheduled) Model Monitor schedules of the two types that
// detect what the seed names, data drift and model degradation: DataQuality and ModelQuality. Bias and
// explainability monitors are reported but not required here: they matter for models that decide about
// people, which sagemaker-model-explainability-reviewed covers per model. A running schedule whose type is
// not reported cannot count, so it makes an otherwise failing endpoint unknown.
import { inServiceEndpointsInput } from '../resources/sagemaker.ts';
import { forEachListed, judged, listAt, required, unknown, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const REQUIRED_MONITOR_TYPES = ['DataQuality', 'ModelQuality'] as const;

export const rule = defineRule({
  controlId: 'sagemaker-endpoint-model-monitoring-scheduled',
  evidence: ['sagemaker.ListEndpoints', 'sagemaker.ListMonitoringSchedules'],
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'sagemaker.ListEndpoints', input: inServiceEndpointsInput, scope: 'regional', items: (r) => r.Endpoints, noun: 'in-service SageMaker endpoints' },
      (e, at, listRecords) => {
        const resource = { type: 'AWS::SageMaker::Endpoint', id: required(e, 'EndpointName', 'An endpoint'), arn: e.EndpointArn };
        const schedules = listAt(ctx, 'sagemaker.ListMonitoringSchedules', at, (r) => r.MonitoringScheduleSummaries);
        return whenListed(ctx, at, resource, 'monitoring schedules', schedules, (items, records) => {
        const mine = items.filter((s) => s.EndpointName === e.EndpointName);
        const running = mine.filter((s) => s.MonitoringScheduleStatus === 'Scheduled');
        const missing = REQUIRED_MONITOR_TYPES.filter((type) => !running.some((s) => s.MonitoringType === type));
        const seen = mine.length
          ? ` Schedules: ${mine.map((s) => `${s.MonitoringScheduleName} (${s.MonitoringType ?? 'type not reported'}, ${s.MonitoringScheduleStatus ?? 'status not reported'})`).join(', ')}.`
          : ' No Model Monitor schedule watches this endpoint.';
        if (!missing.length) return ctx.finding('pass', at, resource, `Data quality and model quality monitors run for this endpoint.${seen}`, records);
        if (running.some((s) => !s.MonitoringType)) {
          return judged(ctx, at, resource, unknown(`No running ${missing.join(' or ')} monitor is identified, and a running schedule does not report its type.${seen}`), records);
        }
        return ctx.finding('fail', at, resource, `No running ${missing.join(' or ')} monitor: data drift or model degradation would go unnoticed.${seen}`, records);
        }, listRecords);
      },
    ),
});
