import { recordersAt } from '../aws/config-recorders.ts';
import { accountResource, listAt, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Per region: no recorder, or a recorder that exists but is stopped or failing, is a fail.
export const rule = defineRule({
  controlId: 'config-recorder-recording',
  evidence: ['config-service.DescribeConfigurationRecorders', 'config-service.DescribeConfigurationRecorderStatus'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const res = accountResource(where);
      const recorders = recordersAt(ctx, where);
      if (!recorders.ok) return ctx.finding('unknown', where, res, `Could not list Config recorders: ${recorders.error}`, recorders.records);
      if (recorders.items.length === 0) return ctx.finding('fail', where, res, 'No AWS Config configuration recorder exists in this region: configuration changes are not recorded.', recorders.records);
      const status = listAt(ctx, 'config-service.DescribeConfigurationRecorderStatus', where, (r) => r.ConfigurationRecordersStatus);
      const records = [...recorders.records, ...status.records];
      if (!status.ok) return ctx.finding('unknown', where, res, `Recorder ${recorders.items.map((r) => r.name).join(', ')} exists but its status is unknown: ${status.error}`, records);
      const names = new Set(recorders.items.map((r) => r.name));
      const recording = status.items.filter((s) => s.recording === true && names.has(s.name));
      const healthy = recording.find((s) => (s.lastStatus ?? '').toUpperCase() !== 'FAILURE');
      if (healthy) return ctx.finding('pass', where, res, `Recorder ${healthy.name} is recording (last status ${healthy.lastStatus ?? 'n/a'}).`, records);
      if (recording.length) return ctx.finding('fail', where, res, `Recorder ${recording[0]!.name} is on but its last recording failed: ${recording[0]!.lastErrorMessage ?? 'no message'}.`, records);
      return ctx.finding('fail', where, res, `Recorder ${recorders.items.map((r) => r.name).join(', ')} exists but is not recording: configuration changes are not captured.`, records);
    }),
});
