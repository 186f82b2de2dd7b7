import { recordersAt } from '../aws/config-recorders.ts';
import { accountResource, judged, listAt, targets, unknown, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Per region: no recorder, or a recorder that exists but is stopped or failing, is a fail.
export const rule = defineRule({
  controlId: 'config-recorder-recording',
  evidence: ['config-service.DescribeConfigurationRecorders', 'config-service.DescribeConfigurationRecorderStatus'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where) => {
      const res = accountResource(where);
      return whenListed(ctx, where, res, 'Config recorders', recordersAt(ctx, where), (recorders, recorderRecords) => {
      if (recorders.length === 0) return ctx.finding('fail', where, res, 'No AWS Config configuration recorder exists in this region: configuration changes are not recorded.', recorderRecords);
      const status = listAt(ctx, 'config-service.DescribeConfigurationRecorderStatus', where, (r) => r.ConfigurationRecordersStatus);
      const records = [...recorderRecords, ...status.records];
      if (!status.ok) return judged(ctx, where, res, unknown(`Recorder ${recorders.map((r) => r.name).join(', ')} exists but its status is unknown: ${status.error}`), records);
      const names = new Set(recorders.map((r) => r.name));
      const recording = status.items.filter((s) => s.recording === true && names.has(s.name));
      const healthy = recording.find((s) => (s.lastStatus ?? '').toUpperCase() !== 'FAILURE');
      if (healthy) return ctx.finding('pass', where, res, `Recorder ${healthy.name} is recording (last status ${healthy.lastStatus ?? 'n/a'}).`, records);
      if (recording.length) return ctx.finding('fail', where, res, `Recorder ${recording[0]!.name} is on but its last recording failed: ${recording[0]!.lastErrorMessage ?? 'no message'}.`, records);
      return ctx.finding('fail', where, res, `Recorder ${recorders.map((r) => r.name).join(', ')} exists but is not recording: configuration changes are not captured.`, records);
      });
    }),
});
