import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../src/catalog/catalog-schema.ts';
import { controlStatus } from '../../src/evaluate/control-status.ts';
import { requirementStatus } from '../../src/map/requirement-status.ts';

const automated: Requirement = { id: 'R', title: 'R', coverage: 'automated' };
const manual: Requirement = { id: 'M', title: 'M', coverage: 'manual', reason: 'policy' };

describe('control roll-up', () => {
  it('any fail fails; unknown beats pass; nothing checked is unknown, never pass', () => {
    expect(controlStatus({ pass: 5, fail: 1, unknown: 1, not_applicable: 0 })).toBe('fail');
    expect(controlStatus({ pass: 5, fail: 0, unknown: 1, not_applicable: 0 })).toBe('unknown');
    expect(controlStatus({ pass: 5, fail: 0, unknown: 0, not_applicable: 2 })).toBe('pass');
    expect(controlStatus({ pass: 0, fail: 0, unknown: 0, not_applicable: 2 })).toBe('not_applicable');
    expect(controlStatus({ pass: 0, fail: 0, unknown: 0, not_applicable: 0 })).toBe('unknown');
  });
});

describe('requirement roll-up', () => {
  it.each([
    [['pass', 'pass'], 'met'],
    [['pass', 'fail'], 'partial'],
    [['fail', 'fail'], 'not_met'],
    [['fail', 'unknown'], 'not_met'],
    [['pass', 'unknown'], 'unknown'],
    [['pass', 'not_applicable'], 'met'],
    [['not_applicable'], 'not_applicable'],
    [[], 'unknown'],
  ] as const)('controls %j -> %s', (controls, expected) => {
    expect(requirementStatus(automated, controls).status).toBe(expected);
  });

  it('keeps inherited, out of scope and manual requirements visible with their reasons', () => {
    expect(requirementStatus({ id: 'I', title: 'I', coverage: 'inherited', reason: 'AWS data centres' }, [])).toEqual({ status: 'inherited', reason: 'AWS data centres' });
    expect(requirementStatus({ id: 'O', title: 'O', coverage: 'out_of_scope', reason: 'no clearinghouse' }, ['fail'])).toEqual({ status: 'out_of_scope', reason: 'no clearinghouse' });
    expect(requirementStatus(manual, []).status).toBe('manual');
  });

  it('a manual requirement stays manual when its supporting controls pass, but failures still show', () => {
    expect(requirementStatus(manual, ['pass']).status).toBe('manual');
    expect(requirementStatus(manual, ['fail']).status).toBe('not_met');
  });
});
