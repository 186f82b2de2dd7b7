// A deterministic stand-in for AWS's per-operation limit and the SDK's retry, in fake time: calls go
// through an OperationPace (every attempt waits for it), AWS answers after a latency from a token bucket
// (rate, burst) or throttles, and a throttled call is retried after the SDK's back-off for throttles
// (random up to 1 s x 2^retry; seeded here). Reports when the last call was answered and how many
// attempts were throttled, so tests can hold pacing to AWS's rate.
import { vi } from 'vitest';
import { OperationPace } from '../../src/collect/operation-pacing.ts';

export interface BucketRun {
  /** Fake ms from the first call to the last answer. */
  ms: number;
  throttles: number;
  /** Calls not answered within the attempts allowed. */
  failed: number;
}

export async function paceAgainstBucket(pace: OperationPace, opts: { calls: number; inFlight: number; rate: number; burst: number; latencyMs?: number; maxAttempts?: number; seed?: number }): Promise<BucketRun> {
  const latency = opts.latencyMs ?? 40;
  const maxAttempts = opts.maxAttempts ?? 8;
  let seed = opts.seed ?? 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: 1_000_000 });
  const t0 = Date.now();
  let tokens = opts.burst;
  let filledAt = t0;
  let throttles = 0;
  let failed = 0;
  let last = t0;
  const take = (): boolean => {
    const now = Date.now();
    tokens = Math.min(opts.burst, tokens + ((now - filledAt) / 1000) * opts.rate);
    filledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const call = async () => {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      await pace.wait();
      const started = Date.now();
      const admitted = take();
      await sleep(latency);
      if (admitted) {
        pace.answered(Date.now(), started);
        last = Math.max(last, Date.now());
        return;
      }
      throttles++;
      pace.throttled(Date.now(), started);
      if (attempt + 1 < maxAttempts) await sleep(Math.floor(random() * Math.min(1000 * 2 ** attempt, 20_000)));
    }
    failed++;
  };
  let next = 0;
  const worker = async () => {
    while (next < opts.calls) {
      next++;
      await call();
    }
  };
  try {
    const done = Promise.all(Array.from({ length: opts.inFlight }, worker));
    await vi.runAllTimersAsync();
    await done;
  } finally {
    vi.useRealTimers();
  }
  return { ms: last - t0, throttles, failed };
}
