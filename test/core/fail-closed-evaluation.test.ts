import { describe, expect, it } from 'vitest';
import type { Control } from '../../src/catalog/catalog-schema.ts';
import { evaluateControls } from '../../src/evaluate/evaluate-controls.ts';
import type { Rule } from '../../src/evaluate/rule.ts';
import { rule as notebookRule } from '../../src/evaluate/rules/sagemaker-notebook-direct-internet-disabled.ts';
import { failed, ok, params, runRule, statuses, TEST_ACCOUNT } from '../helpers/evidence.ts';

const LIST = 'sagemaker.ListNotebookInstances';
const DESCRIBE = 'sagemaker.DescribeNotebookInstance';
const nb = (name: string) => ({ NotebookInstanceName: name, NotebookInstanceArn: `arn:aws:sagemaker:eu-west-1:${TEST_ACCOUNT}:notebook-instance/${name}` });
const control = (id: string): Control => ({ id, automation: 'automated' }) as Control;
const scope = { accounts: [TEST_ACCOUNT], regions: ['eu-west-1'] };

describe('fail-closed evaluation', () => {
  it('passes and fails from complete evidence, citing the records it used', () => {
    const records = [
      ok(LIST, { NotebookInstances: [nb('a'), nb('b')] }),
      ok(DESCRIBE, { DirectInternetAccess: 'Disabled' }, { input: { NotebookInstanceName: 'a' } }),
      ok(DESCRIBE, { DirectInternetAccess: 'Enabled' }, { input: { NotebookInstanceName: 'b' } }),
    ];
    const findings = runRule(notebookRule, records);
    expect(statuses(findings)).toEqual(['pass', 'fail']);
    expect(findings[0].evidence).toEqual([records[0].id, records[1].id].sort());
  });

  it('an error record gives unknown, never pass', () => {
    const findings = runRule(notebookRule, [failed(LIST)]);
    expect(statuses(findings)).toEqual(['unknown']);
    expect(findings[0].reason).toContain('AccessDeniedException');
  });

  it('a failed page makes the whole list unknown: a partial list must not look complete', () => {
    const findings = runRule(notebookRule, [ok(LIST, { NotebookInstances: [nb('a')], NextToken: 't' }), failed(LIST, { input: { NextToken: 't' } })]);
    expect(statuses(findings)).toEqual(['unknown']);
  });

  it('missing evidence gives unknown, for the list and for a follow-up', () => {
    expect(statuses(runRule(notebookRule, []))).toEqual(['unknown']);
    const findings = runRule(notebookRule, [ok(LIST, { NotebookInstances: [nb('a')] })]);
    expect(statuses(findings)).toEqual(['unknown']);
    expect(findings[0].reason).toContain('no evidence for sagemaker.DescribeNotebookInstance');
  });

  it('an empty list is not_applicable, per region in scope', () => {
    const findings = runRule(notebookRule, [ok(LIST, { NotebookInstances: [] }), ok(LIST, { NotebookInstances: [] }, { region: 'us-east-1' })], { scope: { accounts: [TEST_ACCOUNT], regions: ['eu-west-1', 'us-east-1'] } });
    expect(statuses(findings)).toEqual(['not_applicable', 'not_applicable']);
  });

  it('an evaluator that throws gives unknown with the error text, and the run goes on', () => {
    const throwing: Rule = { controlId: 'throws', evidence: [], evaluate: () => { throw new Error('boom'); } };
    const empty: Rule = { controlId: 'empty', evidence: [], evaluate: () => [] };
    const rules = new Map([['throws', throwing], ['empty', empty], [notebookRule.controlId, notebookRule]]);
    const result = evaluateControls([control('throws'), control('empty'), control(notebookRule.controlId), control('no-rule')], rules, [failed(LIST)], scope, params());
    expect(result.controls.map((c) => [c.controlId, c.status])).toEqual([
      ['throws', 'unknown'],
      ['empty', 'unknown'],
      [notebookRule.controlId, 'unknown'],
      ['no-rule', 'unknown'],
    ]);
    expect(result.findings.find((f) => f.controlId === 'throws')?.reason).toBe('Evaluator error: boom');
    expect(result.findings.find((f) => f.controlId === 'empty')?.reason).toContain('produced no findings');
  });

  it('a malformed finding from an evaluator is unknown, not trusted', () => {
    const liar: Rule = { controlId: 'liar', evidence: [], evaluate: () => [{ controlId: 'other', status: 'pass' } as never] };
    const result = evaluateControls([control('liar')], new Map([['liar', liar]]), [], scope, params());
    expect(result.controls[0].status).toBe('unknown');
  });
});
