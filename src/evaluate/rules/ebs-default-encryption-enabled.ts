import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'ebs-default-encryption-enabled',
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'ec2.GetEbsEncryptionByDefault', {
      ok: (r) => (r.EbsEncryptionByDefault === true ? pass('New EBS volumes and snapshot copies are encrypted by default.') : fail('EBS encryption by default is off: volumes created without an explicit setting (training instances, notebooks) are unencrypted.')),
    }),
};
