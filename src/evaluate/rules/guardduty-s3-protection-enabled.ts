import { guardDutyDetectors } from '../aws/guardduty-detectors.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// S3 protection analyses S3 data events for exfiltration and access from malicious sources.
export const rule = defineRule({
  controlId: 'guardduty-s3-protection-enabled',
  evidence: ['guardduty.ListDetectors', 'guardduty.GetDetector'],
  evaluate: (ctx) =>
    guardDutyDetectors(ctx, (d, id) => {
      if (d.Status !== 'ENABLED') return fail(`Detector ${id} is ${d.Status ?? 'not enabled'}, so no protection plan runs.`);
      const feature = (d.Features ?? []).find((f: { Name?: string }) => f.Name === 'S3_DATA_EVENTS');
      const status = feature?.Status ?? d.DataSources?.S3Logs?.Status;
      return status === 'ENABLED' ? pass(`S3 protection (S3_DATA_EVENTS) is enabled on detector ${id}.`) : fail(`S3 protection is ${status ?? 'not enabled'} on detector ${id}: S3 data access is not analysed for threats.`);
    }),
});
