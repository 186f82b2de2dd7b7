// Customer-managed symmetric keys with KMS-generated material rotate automatically. Asymmetric, HMAC,
// imported and external keys cannot rotate automatically, and keys pending deletion are judged by
// kms-keys-not-pending-deletion: they are left out here.
import { forEachCustomerKey, keyResource } from '../aws/kms-keys.ts';
import { fail, judgeCall, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'kms-customer-keys-rotation-enabled',
  evidence: ['kms.ListKeys', 'kms.DescribeKey', 'kms.GetKeyRotationStatus'],
  evaluate: (ctx) =>
    forEachCustomerKey(ctx, (key, where, records) => {
      const rotatable = key.KeySpec === 'SYMMETRIC_DEFAULT' && key.Origin === 'AWS_KMS' && (key.KeyState === 'Enabled' || key.KeyState === 'Disabled');
      if (!rotatable) return undefined;
      return judgeCall(
        ctx,
        where,
        keyResource(key),
        ctx.evidence.call('kms.GetKeyRotationStatus', where, { KeyId: key.KeyId }),
        {
          ok: (r) =>
            r?.KeyRotationEnabled === true
              ? pass(`Automatic rotation is on${r.RotationPeriodInDays ? ` every ${r.RotationPeriodInDays} days` : ''}.`)
              : fail(`Automatic rotation is off for customer-managed key ${key.KeyId}${key.Description ? ` (${key.Description})` : ''}.`),
        },
        records,
      );
    }),
});
