import { inServiceEndpointsInput } from '../resources/sagemaker.ts';
import { forEachListed, listAt } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

interface Endpoint { EndpointName: string; EndpointArn: string }
interface Schedule { MonitoringScheduleName: string; EndpointName?: string; MonitoringScheduleStatus?: string; MonitoringType?: string }

export const rule: Rule = {
  controlId: 'sagemaker-endpoint-model-monitoring-scheduled',
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'sagemaker.ListEndpoints', input: inServiceEndpointsInput, scope: 'regional', items: (r) => r.Endpoints, noun: 'in-service SageMaker endpoints' },
      (e: Endpoint, at, listRecords) => {
        const resource = { type: 'AWS::SageMaker::Endpoint', id: e.EndpointName, arn: e.EndpointArn };
        const schedules = listAt<Schedule>(ctx, 'sagemaker.ListMonitoringSchedules', at, (r) => r.MonitoringScheduleSummaries);
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
};
