// PROOFLINE_HEAP_GROWING_PERCENT: how far the heap grows between full collections (src/cli/heap-growth.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, HEAP_GROWTH_VARIABLE, heapGrowingPercent } from '../../src/cli/heap-growth.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { UsageError } from '../../src/cli/exit-codes.ts';

afterEach(() => vi.unstubAllEnvs());

describe('heap growth between full collections', () => {
  it('is 50 % unless the variable says otherwise; 0 keeps V8 own policy', () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(50);
    expect(heapGrowingPercent({})).toBe(50);
    expect(heapGrowingPercent({ [HEAP_GROWTH_VARIABLE]: '' })).toBe(50);
    expect(heapGrowingPercent({ [HEAP_GROWTH_VARIABLE]: '0' })).toBe(0);
    expect(heapGrowingPercent({ [HEAP_GROWTH_VARIABLE]: ' 30 ' })).toBe(30);
    expect(heapGrowingPercent({ [HEAP_GROWTH_VARIABLE]: '1000' })).toBe(1000);
  });

  it.each(['-5', '1.5', 'fifty', '1001', '99999', '0x10'])('refuses %j, naming the variable', (value) => {
    let thrown: unknown;
    try {
      heapGrowingPercent({ [HEAP_GROWTH_VARIABLE]: value });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).problems[0]).toMatchObject({ file: HEAP_GROWTH_VARIABLE });
  });

  it('a bad value stops any command with exit code 2 before it does anything', async () => {
    vi.stubEnv(HEAP_GROWTH_VARIABLE, 'lots');
    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await runCli(['node', 'proofline', 'verify', '/nonexistent/package'])).toBe(2);
    } finally {
      err.mockRestore();
    }
    expect(stderr).toBe(`proofline: ${HEAP_GROWTH_VARIABLE}: "lots" is not a whole number of percent from 0 (V8's own policy) to 1000\n`);
  });
});
