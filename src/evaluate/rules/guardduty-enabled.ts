import { guardDutyDetectors } from '../aws/guardduty-detectors.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Per region: no detector is a fail for that region (GuardDuty is regional).
export const rule = defineRule({
  controlId: 'guardduty-enabled',
  evidence: ['guardduty.ListDetectors', 'guardduty.GetDetector'],
  evaluate: (ctx) =>
    guardDutyDetectors(ctx, (d, id) => (d.Status === 'ENABLED' ? pass(`Detector ${id} is enabled (findings published every ${d.FindingPublishingFrequency ?? 'n/a'}).`) : fail(`Detector ${id} is ${d.Status ?? 'not enabled'}.`))),
});
