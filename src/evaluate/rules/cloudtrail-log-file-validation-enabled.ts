import { forEachHomeTrail, trailResource } from '../aws/cloudtrail-trails.ts';
import { fail, pass, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Judged once per trail, in its home region (shadow copies in other regions are the same trail).
export const rule = defineRule({
  controlId: 'cloudtrail-log-file-validation-enabled',
  evidence: ['cloudtrail.DescribeTrails'],
  evaluate: (ctx) =>
    forEachHomeTrail(ctx, (t, where, records) => {
      const v = t.LogFileValidationEnabled
        ? pass('Log file validation is enabled: CloudTrail writes signed digest files, so deleted or altered log files can be detected.')
        : fail('Log file validation is disabled: a deleted or edited log file cannot be detected.');
      return judged(ctx, where, trailResource(t), v, records);
    }),
});
