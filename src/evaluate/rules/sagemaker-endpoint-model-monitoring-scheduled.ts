import { inServiceEndpointsInput } from '../resources/sagemaker.ts';
import { forEachListed, listAt, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

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
        const records = [...listRecords, ...schedules.records];
        if (!schedules.ok) return ctx.finding('unknown', at, resource, `Could not list monitoring schedules: ${schedules.error}`, records);
        const mine = schedules.items.filter((s) => s.EndpointName === e.EndpointName);
        const active = mine.filter((s) => s.MonitoringScheduleStatus === 'Scheduled');
        if (active.length) {
          return ctx.finding('pass', at, resource, `Model Monitor schedules run for this endpoint: ${active.map((s) => `${s.MonitoringScheduleName} (${s.MonitoringType ?? 'DataQuality'})`).join(', ')}.`, records);
        }
        return ctx.finding(
          'fail',
          at,
          resource,
          mine.length
            ? `The endpoint's monitoring schedules are not running: ${mine.map((s) => `${s.MonitoringScheduleName} is ${s.MonitoringScheduleStatus}`).join(', ')}.`
            : 'No Model Monitor schedule watches this in-service endpoint for data drift or quality loss.',
          records,
        );
      },
    ),
});
