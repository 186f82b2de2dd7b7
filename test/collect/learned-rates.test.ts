// Starting rates carried between runs: a pace started from a learned rate spends one second's worth
// of calls at once, then paces from its first call; an unthrottled operation is not paced and not
// kept; rates out of range (an edited history) are not used.
import { describe, expect, it } from 'vitest';
import { learnedRates, pacesFrom } from '../../src/collect/learned-rates.ts';
import { OperationPace, paceKey } from '../../src/collect/operation-pacing.ts';

const at = new Date('2026-11-30T02:00:00.000Z');

describe('learned starting rates', () => {
  it('a pace started from 5 calls/s lets 5 calls start at once, then spaces calls 200 ms apart', () => {
    const pace = new OperationPace(5);
    const t = 1_000_000;
    expect(Array.from({ length: 5 }, () => pace.reserve(t))).toEqual([0, 0, 0, 0, 0]);
    expect([pace.reserve(t), pace.reserve(t), pace.reserve(t)]).toEqual([0, 200, 400]);
  });

  it('without a starting rate nothing is paced until AWS throttles; a throttle ends the starting credit, not the rate', () => {
    const fresh = new OperationPace();
    expect(Array.from({ length: 50 }, () => fresh.reserve(0)).every((ms) => ms === 0)).toBe(true);
    expect(fresh.rate).toBe(Number.POSITIVE_INFINITY);
    const started = new OperationPace(20);
    started.throttled(5_000);
    // One throttle says AWS's bucket is empty, not that its rate is lower than the last run measured.
    expect(started.rate).toBe(20);
    expect(started.reserve(5_000)).toBe(50);
  });

  it('keeps the paced operations of a run, keyed as the client factory keys them, and starts the next run from them', () => {
    const target = { account: '111122223333', region: 'eu-west-1' };
    const paces = new Map<string, OperationPace>([
      [paceKey(target, 'kms', 'DescribeKey'), new OperationPace(24.4567)],
      [paceKey(target, 'kms', 'ListKeys'), new OperationPace()],
      [paceKey({ account: '111122223333', region: 'global' }, 'iam', 'GetLoginProfile'), new OperationPace(19)],
    ]);
    const kept = learnedRates(paces, at);
    expect(kept).toEqual([
      { account: '111122223333', region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 24.457, learnedAt: at.toISOString() },
      { account: '111122223333', region: 'global', operation: 'iam.GetLoginProfile', rate: 19, learnedAt: at.toISOString() },
    ]);
    const next = pacesFrom(kept);
    expect([...next.keys()]).toEqual([paceKey(target, 'kms', 'DescribeKey'), '111122223333|global|iam.GetLoginProfile']);
    expect(next.get(paceKey(target, 'kms', 'DescribeKey'))!.rate).toBe(24.457);
  });

  it('does not start from a rate outside 0.5..10,000 calls/s or one that is not a number', () => {
    const row = { account: '111122223333', region: 'eu-west-1', learnedAt: at.toISOString() };
    const paces = pacesFrom([
      { ...row, operation: 'kms.A', rate: Number.NaN },
      { ...row, operation: 'kms.B', rate: 0 },
      { ...row, operation: 'kms.C', rate: 1e9 },
      { ...row, operation: 'kms.D', rate: 3 },
    ]);
    expect([...paces.keys()]).toEqual(['111122223333|eu-west-1|kms.D']);
  });
});

describe('pace growth', () => {
  it('grows while calls come at its rate, not while they come far slower (a rate never tried is not kept)', () => {
    const slow = new OperationPace(10);
    for (let s = 0; s <= 20; s++) slow.answered(s * 1000); // one call a second
    expect(slow.rate).toBe(10);
    const busy = new OperationPace(10);
    for (let ms = 0; ms <= 5000; ms += 100) busy.answered(ms); // ten calls a second: the pace is what limits them
    expect(busy.rate).toBeGreaterThan(10);
  });
});
