// Per-operation pacing: AWS throttles each account x region x operation on its own, while the SDK's
// adaptive retry keeps one client-side rate per client (all operations of a service in a region), and
// a throttled attempt waits a randomised exponential backoff (500 ms base) before it is retried. A few
// throttles of one operation would then slow every operation of the service, and the retries leave
// long tails. A pace is learned per operation: none at first, and from AWS's first throttling answer
// on, AIMD (the rate falls to a fraction of what was answered, then grows while calls succeed), so
// throttles become rare and the SDK's own limiter and backoff seldom engage. A call's first attempt
// waits for its pace before it takes an in-flight slot (the client factory), so a throttled operation
// does not hold the slots other operations of the service need; retries (inside the SDK) are paced by
// the middleware below. Pacing only delays attempts; it never answers one. A run can start an operation
// from the rate an earlier run learned (learned-rates.ts) instead of finding it by being throttled:
// paced from its first call, after one second's worth of calls at once (AWS's buckets hold at least that).
import type { Target } from './target.ts';

/** The SDK's throttling error names (@smithy/service-error-classification), plus HTTP 429. */
const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

export function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return THROTTLING.has(e?.name ?? '') || THROTTLING.has(e?.Code ?? '') || e?.$metadata?.httpStatusCode === 429;
}

/** Fraction of the answered rate kept after a throttle; growth per second while calls succeed. */
const DECREASE = 0.8;
const INCREASE_PER_SECOND = 2;
const MIN_RATE = 0.5;
/** Largest rise per answered call: +2 calls/s per second above 20 calls/s, +10 % per second below. */
const MAX_STEP_PER_CALL = 0.1;
/** Throttles of calls already in flight when the rate fell do not lower it again. */
const DECREASE_HOLD_MS = 500;

export class OperationPace {
  /** Calls per second; Infinity until AWS throttles this operation (or an earlier run's rate is given). */
  rate = Number.POSITIVE_INFINITY;
  /** Calls that may start at once before the pace applies (a started rate's first second). */
  private credit = 0;
  private nextStart = 0;
  private lastDecrease = -Infinity;
  private windowStart = 0;
  private windowCount = 0;
  private lastWindowRate = 0;

  constructor(startRate?: number) {
    if (startRate === undefined || !Number.isFinite(startRate) || startRate <= 0) return;
    this.rate = Math.max(MIN_RATE, startRate);
    this.credit = Math.floor(this.rate);
  }

  /** Waits for this operation's next start (at once while unthrottled). */
  async wait(): Promise<void> {
    const ms = this.reserve(Date.now());
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  /** Milliseconds the next attempt must wait (0 while unthrottled). */
  reserve(now: number): number {
    if (this.rate === Number.POSITIVE_INFINITY) return 0;
    if (this.credit > 0) {
      this.credit--;
      return 0;
    }
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.rate;
    return start - now;
  }

  answered(now: number): void {
    if (now - this.windowStart >= 1000) {
      this.lastWindowRate = (this.windowCount * 1000) / Math.max(1000, now - this.windowStart);
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount++;
    // Growth stops at twice what was answered lately (as the SDK's adaptive limiter caps its own): a
    // pace that calls do not reach (few calls, or a busy CPU) must not grow into a rate that was never
    // tried, and then be kept for the next run as if AWS had allowed it.
    // At low rates the step per call is bounded too (+2 calls/s per second would double 2 calls/s within a second).
    if (this.rate !== Number.POSITIVE_INFINITY) this.rate = Math.min(this.rate + Math.min(INCREASE_PER_SECOND / this.rate, MAX_STEP_PER_CALL), Math.max(this.rate, 2 * this.lastWindowRate));
  }

  throttled(now: number): void {
    if (now - this.lastDecrease < DECREASE_HOLD_MS) return;
    this.lastDecrease = now;
    this.credit = 0;
    const elapsed = now - this.windowStart;
    // What AWS answered lately: the current window if it is long enough, else the previous one.
    const answeredRate = elapsed >= 250 ? (this.windowCount * 1000) / elapsed : Math.max(this.lastWindowRate, this.windowCount);
    const base = this.rate === Number.POSITIVE_INFINITY ? answeredRate : Math.min(this.rate, Math.max(answeredRate, MIN_RATE));
    this.rate = Math.max(MIN_RATE, base * DECREASE);
    this.nextStart = Math.max(this.nextStart, now + 1000 / this.rate);
  }
}

type AnyNext = (args: unknown) => Promise<unknown>;

export function paceKey(target: Target, service: string, operation: string): string {
  return `${target.account}|${target.region}|${service}.${operation}`;
}

/** The operation's pace, made on first use. */
export function paceFor(paces: Map<string, OperationPace>, key: string): OperationPace {
  let pace = paces.get(key);
  if (!pace) paces.set(key, (pace = new OperationPace()));
  return pace;
}

/**
 * Middleware (finalizeRequest step, low priority: inside retry, so it sees every attempt): learns from
 * each answer, and paces retries (the first attempt was paced before it took its slot). The SDK's
 * retry passes the same args object to every attempt of a call.
 */
export function pacingMiddleware(opts: { service: string; target: Target; paces: Map<string, OperationPace> }) {
  const attempted = new WeakSet<object>();
  return (next: AnyNext, context: { commandName?: string }) => {
    const p = paceFor(opts.paces, paceKey(opts.target, opts.service, (context.commandName ?? '').replace(/Command$/, '')));
    return async (args: unknown) => {
      if (attempted.has(args as object)) await p.wait();
      else attempted.add(args as object);
      try {
        const out = await next(args);
        p.answered(Date.now());
        return out;
      } catch (err) {
        if (isThrottling(err)) p.throttled(Date.now());
        else p.answered(Date.now());
        throw err;
      }
    };
  };
}
