// Pacing against an AWS-like token bucket in fake time (pace-against-bucket.ts): from nothing, a pace
// finds the rate AWS allows between two throttles and holds it; the rate it keeps for the next run is
// that rate (not a sawtooth below it); a run started from it is throttled a few times at most and ends
// near the bound (calls beyond the burst at the sustained rate).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OperationPace } from '../../src/collect/operation-pacing.ts';
import { paceAgainstBucket } from './pace-against-bucket.ts';

afterEach(() => vi.useRealTimers());

const boundMs = (calls: number, rate: number, burst: number) => ((calls - burst) / rate) * 1000;

describe('operation pacing against a token bucket', () => {
  // [rate, burst, calls, in flight, throttles allowed when started from the learned rate]
  for (const [rate, burst, calls, inFlight, warmThrottles] of [
    [25, 50, 320, 16, 3],
    [100, 100, 1000, 8, 3],
    [5, 5, 100, 16, 3],
    // A tenth of those: measured over 2-6 s (five calls' worth), the pace probes above the rate now and then.
    [2.5, 5, 320, 16, 16],
  ]) {
    it(`${rate}/s (burst ${burst}), ${calls} calls, ${inFlight} in flight: learns AWS's rate, and a run started from it keeps to the bound`, async () => {
      const cold = new OperationPace();
      const first = await paceAgainstBucket(cold, { calls, inFlight, rate, burst });
      expect(first.failed).toBe(0);
      expect(first.ms).toBeLessThan(boundMs(calls, rate, burst) * 1.1);
      // Within a few percent: a measurement is calls counted over a second or a few (five calls' worth at least).
      expect(cold.learned).toBeGreaterThan(rate * 0.94);
      expect(cold.learned).toBeLessThan(rate * 1.06);
      const warm = new OperationPace(cold.learned);
      const second = await paceAgainstBucket(warm, { calls, inFlight, rate, burst });
      expect(second.failed).toBe(0);
      expect(second.throttles).toBeLessThanOrEqual(warmThrottles);
      expect(second.ms).toBeLessThan(boundMs(calls, rate, burst) * 1.04);
      expect(warm.learned).toBeGreaterThan(rate * 0.95);
      expect(warm.learned).toBeLessThan(rate * 1.05);
    });
  }

  it('measures from answer to answer: two throttles 2 s apart with 50 calls answered in between say 25 calls/s', () => {
    const pace = new OperationPace();
    pace.throttled(1_000, 960);
    for (let i = 0; i < 50; i++) pace.answered(1_040 + i * 40, 1_000 + i * 40);
    pace.throttled(3_000, 2_960);
    expect(pace.allowed).toBe(25);
    expect(pace.rate).toBe(25);
  });

  it('calls that reserved their start before the rate fell reserve again at the new rate', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: 0 });
    const pace = new OperationPace();
    pace.answered(0);
    pace.answered(500);
    vi.setSystemTime(1_000);
    pace.throttled(1_000, 960); // first throttle: 0.8 x the 2 calls/s answered = 1.6 calls/s
    expect(pace.rate).toBeCloseTo(1.6);
    const started: number[] = [];
    const waits = Array.from({ length: 4 }, () => pace.wait().then(() => started.push(Date.now())));
    await vi.advanceTimersByTimeAsync(1_000);
    pace.throttled(2_000, 1_960); // again, too soon to measure: 0.8 x the 1 call/s answered
    expect(pace.rate).toBeCloseTo(0.8);
    await vi.runAllTimersAsync();
    await Promise.all(waits);
    // Reserved at 1.6 calls/s: 1625, 2250, 2875, 3500 ms; the last three start at 0.8 calls/s instead.
    expect(started).toEqual([1_625, 3_250, 4_500, 5_750]);
  });
});
