// A key policy must not allow any principal ("*") without a condition that narrows it (for example
// kms:CallerAccount or aws:PrincipalOrgID): that would let every AWS account use or manage the key.
import { forEachCustomerKey, keyResource } from '../aws/kms-keys.ts';
import { parsePolicy, principals } from '../aws/policy-document.ts';
import { fail, judgeCall, pass, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

function judgePolicy(keyId: string | undefined, policy: unknown): Verdict {
  try {
    const open = parsePolicy(policy).filter((s) => s.effect === 'Allow' && principals(s, 'AWS').includes('*') && Object.keys(s.condition).length === 0);
    return open.length
      ? fail(`The policy of key ${keyId} allows any AWS principal without conditions${open[0]!.sid ? ` (statement "${open[0]!.sid}")` : ''}: ${open.flatMap((s) => s.actions).join(', ')}.`)
      : pass(`The policy of key ${keyId} grants no unconditioned access to all principals.`);
  } catch (err) {
    return unknown(`The policy of key ${keyId} could not be parsed: ${(err as Error).message}`);
  }
}

export const rule = defineRule({
  controlId: 'kms-key-policies-no-public-principal',
  evidence: ['kms.ListKeys', 'kms.DescribeKey', 'kms.GetKeyPolicy'],
  evaluate: (ctx) =>
    forEachCustomerKey(ctx, (key, where, records) =>
      judgeCall(ctx, where, keyResource(key), ctx.evidence.call('kms.GetKeyPolicy', where, { KeyId: key.KeyId, PolicyName: 'default' }), { ok: (r) => judgePolicy(key.KeyId, r.Policy) }, records),
    ),
});
