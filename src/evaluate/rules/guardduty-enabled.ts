import { guardDutyDetectors } from '../aws/guardduty-detectors.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

// Per region: no detector is a fail for that region (GuardDuty is regional).
export const rule: Rule = {
  controlId: 'guardduty-enabled',
  evaluate: (ctx) =>
    guardDutyDetectors(ctx, (d) => (d.Status === 'ENABLED' ? pass(`Detector ${d.id} is enabled (findings published every ${d.FindingPublishingFrequency ?? 'n/a'}).`) : fail(`Detector ${d.id} is ${d.Status ?? 'not enabled'}.`))),
};
