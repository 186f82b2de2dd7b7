// A rule reads only the evidence its control declares, typed as the SDK output: reading another key
// or a field the output does not have fails `tsc` (the @ts-expect-error lines below are checked by the
// typecheck), and at run time reading an undeclared key makes the control unknown, never a pass.
import { describe, expect, it } from 'vitest';
import type { Control } from '../../src/catalog/catalog-schema.ts';
import { evaluateControls } from '../../src/evaluate/evaluate-controls.ts';
import { accountResource, pass, targets, judged } from '../../src/evaluate/rule-helpers.ts';
import { defineRule, type Rule } from '../../src/evaluate/rule.ts';
import { ok, params, TEST_ACCOUNT } from '../helpers/evidence.ts';

const scope = { accounts: [TEST_ACCOUNT], regions: ['eu-west-1'] };
const control = (id: string): Control => ({ id, automation: 'automated' }) as Control;

const reads = defineRule({
  controlId: 'reads-declared',
  evidence: ['ec2.GetEbsEncryptionByDefault'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const call = ctx.evidence.call('ec2.GetEbsEncryptionByDefault', where);
      // @ts-expect-error a field GetEbsEncryptionByDefault's output does not have
      if (call.state === 'ok') void call.responses[0]!.EbsEncryptionByDefalt;
      // @ts-expect-error a key the rule does not declare
      void ctx.evidence.call('ec2.DescribeVpcs', where);
      return judged(ctx, where, accountResource(where), pass('declared evidence read'), call.records);
    }),
});

describe('declared inputs', () => {
  it('a rule that reads an undeclared key is unknown, naming the key, not a crash or a pass', () => {
    const sneaky: Rule = {
      controlId: 'sneaky',
      evidence: ['ec2.GetEbsEncryptionByDefault'],
      evaluate: (ctx) => targets(ctx, 'regional').map((where) => {
        const call = ctx.evidence.call('ec2.DescribeVpcs', where);
        return judged(ctx, where, accountResource(where), pass('read a key it did not declare'), call.records);
      }),
    };
    const records = [ok('ec2.DescribeVpcs', { Vpcs: [] }), ok('ec2.GetEbsEncryptionByDefault', { EbsEncryptionByDefault: true })];
    const result = evaluateControls([control('sneaky'), control(reads.controlId)], new Map([['sneaky', sneaky], [reads.controlId, reads]]), records, scope, params());
    expect(result.controls.map((c) => [c.controlId, c.status])).toEqual([['sneaky', 'unknown'], [reads.controlId, 'unknown']]);
    expect(result.findings.find((f) => f.controlId === 'sneaky')?.reason).toBe('Evaluator error: rule "sneaky" read ec2.DescribeVpcs, which it does not declare in its evidence');
  });
});
