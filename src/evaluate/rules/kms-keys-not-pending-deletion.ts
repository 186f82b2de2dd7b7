// Customer-managed keys scheduled for deletion make everything they encrypt unrecoverable once the
// waiting period ends. Each one fails until the deletion is cancelled or accepted as an exception.
import { forEachCustomerKey, keyResource } from '../aws/kms-keys.ts';
import { required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const PENDING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const rule = defineRule({
  controlId: 'kms-keys-not-pending-deletion',
  evidence: ['kms.ListKeys', 'kms.DescribeKey'],
  evaluate: (ctx) =>
    forEachCustomerKey(ctx, (key, where, records) =>
      PENDING.has(required(key, 'KeyState', `DescribeKey of ${key.KeyId}`))
        ? ctx.finding('fail', where, keyResource(key), `Key ${key.KeyId}${key.Description ? ` (${key.Description})` : ''} is ${key.KeyState}${key.DeletionDate ? ` and will be deleted on ${key.DeletionDate}` : ''}: data it encrypts will become unreadable.`, records)
        : ctx.finding('pass', where, keyResource(key), `Key ${key.KeyId} is ${key.KeyState}, not scheduled for deletion.`, records),
    ),
});
