import { perRegionSetting } from '../aws/regional-setting.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'ebs-default-encryption-enabled',
  evidence: ['ec2.GetEbsEncryptionByDefault'],
  evaluate: (ctx) =>
    perRegionSetting(ctx, 'ec2.GetEbsEncryptionByDefault', {
      ok: (r) => (r.EbsEncryptionByDefault === true ? pass('New EBS volumes and snapshot copies are encrypted by default.') : fail('EBS encryption by default is off: volumes created without an explicit setting (training instances, notebooks) are unencrypted.')),
    }),
});
