// Per-operation pacing: AWS throttles each account x region x operation on its own, while the SDK's
// adaptive retry keeps one client-side rate per client (all operations of a service in a region), and
// a throttled attempt waits a randomised exponential backoff before it is retried. A few throttles of
// one operation would then slow every operation of the service (operation-rate-limiter.ts hands the
// SDK's limiting to these paces), and the retries leave long tails. A pace is learned per operation:
// none at first; at AWS's first throttling answer the rate falls to a fraction of what was answered;
// from then on AWS's own answers say what it allows: between two throttles its bucket was empty at
// both ends, so the calls it answered in between, over the time between, are its sustained rate. The
// pace keeps that rate (it does not sawtooth below it) and probes a little above it only after a few
// quiet seconds, so throttles stay rare and few calls wait for a retry. Every attempt waits for its
// pace before it takes an in-flight slot (the middleware below), so a throttled operation does not hold
// the slots other operations of the service need. Pacing only delays attempts; it never answers one. A run can start an operation
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

/** Fraction of the answered rate kept after the first throttle (before AWS's rate is known); growth per second. */
const DECREASE = 0.8;
const INCREASE_PER_SECOND = 2;
const MIN_RATE = 0.5;
/** Largest rise per answered call: +2 calls/s per second above 20 calls/s, +10 % per second below. */
const MAX_STEP_PER_CALL = 0.1;
/** Throttles of calls already in flight when the rate fell do not lower it again. */
const DECREASE_HOLD_MS = 500;
/**
 * Time between two throttles from which AWS's sustained rate is measured: at least a second and five
 * calls' worth (a call more or less then changes it by a few percent), at most three times that. Over a
 * longer time the pace may have been below AWS's rate long enough for its bucket to fill up, and the
 * calls answered say less than it allows: such a measurement only ever raises the rate (it is a lower
 * bound: AWS cannot have answered more than it refilled).
 */
const MEASURE_MIN_MS = 1000;
const MEASURE_MIN_CALLS = 5;
const MEASURE_MAX_FACTOR = 3;
/** How much a started rate (an earlier run's) weighs against this run's measurements, as measuring time. */
const PRIOR_MS = 2000;
/** After a measured throttle the pace holds AWS's rate this long before it probes above it. */
const PROBE_AFTER_MS = 2000;

export class OperationPace {
  /** Calls per second; Infinity until AWS throttles this operation (or an earlier run's rate is given). */
  rate = Number.POSITIVE_INFINITY;
  /** AWS's sustained rate: measured between two throttles, or an earlier run's; undefined until known. */
  allowed: number | undefined;
  /** Calls that may start at once before the pace applies (a started rate's first second). */
  private credit = 0;
  private nextStart = 0;
  /** Counts the times the rate fell: a call that reserved its start before then reserves again. */
  private generation = 0;
  private lastDecrease = -Infinity;
  /** The last throttle, or the first answer: the pace probes above `allowed` only after a quiet time. */
  private quietSince: number | undefined;
  private windowStart = 0;
  private windowCount = 0;
  private lastWindowRate = 0;
  /** The last measuring throttle: when its attempt started (AWS's bucket was empty then) and was answered. */
  private emptyAt: number | undefined;
  private emptyAnsweredAt = 0;
  /** Calls answered whose attempt started after emptyAt. */
  private answeredSinceEmpty = 0;
  /** Every measurement so far, summed: calls answered between throttles, and the time between. */
  private measuredCalls = 0;
  private measuredMs = 0;

  constructor(startRate?: number) {
    if (startRate === undefined || !Number.isFinite(startRate) || startRate <= 0) return;
    this.rate = Math.max(MIN_RATE, startRate);
    this.credit = Math.floor(this.rate);
    // The earlier run's rate counts as a measurement of a few seconds: one short measurement of this
    // run (a few calls either way) does not replace it.
    this.measuredCalls = (this.rate * PRIOR_MS) / 1000;
    this.measuredMs = PRIOR_MS;
    this.allowed = this.rate;
  }

  /** The rate to start the next run from: what AWS allowed when measured, else the pace's rate. */
  get learned(): number {
    return this.allowed ?? this.rate;
  }

  /**
   * Waits for this operation's next start (at once while unthrottled). A start reserved at a rate that
   * AWS has since refused is reserved again at the new rate, so calls queued behind a throttle do not
   * go out at the old spacing.
   */
  async wait(): Promise<void> {
    for (;;) {
      const generation = this.generation;
      const ms = this.reserve(Date.now());
      if (ms <= 0) return;
      await new Promise((r) => setTimeout(r, ms));
      if (generation === this.generation) return;
    }
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

  /** An attempt was answered; `started`: when it began (default now). */
  answered(now: number, started = now): void {
    if (this.emptyAt !== undefined && started >= this.emptyAt) this.answeredSinceEmpty++;
    if (now - this.windowStart >= 1000) {
      this.lastWindowRate = (this.windowCount * 1000) / Math.max(1000, now - this.windowStart);
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount++;
    this.quietSince ??= now;
    if (this.rate === Number.POSITIVE_INFINITY) return;
    if (this.allowed !== undefined && now - this.quietSince < PROBE_AFTER_MS) return;
    // Growth stops at twice what was answered lately (as the SDK's adaptive limiter caps its own): a
    // pace that calls do not reach (few calls, or a busy CPU) must not grow into a rate that was never
    // tried, and then be kept for the next run as if AWS had allowed it.
    // At low rates the step per call is bounded too (+2 calls/s per second would double 2 calls/s within a second).
    this.rate = Math.min(this.rate + Math.min(INCREASE_PER_SECOND / this.rate, MAX_STEP_PER_CALL), Math.max(this.rate, 2 * this.lastWindowRate));
  }

  /** AWS throttled an attempt; `started`: when it began (default now). */
  throttled(now: number, started = now): void {
    this.credit = 0;
    this.quietSince = now;
    const rateBefore = this.rate;
    // From answer to answer: calls started after the first throttle and answered before this one are
    // those AWS admitted in between (the calls still in flight at either end cancel out).
    const span = this.emptyAt === undefined ? undefined : now - this.emptyAnsweredAt;
    const minMs = Math.max(MEASURE_MIN_MS, Number.isFinite(this.rate) ? (MEASURE_MIN_CALLS * 1000) / this.rate : 0);
    const measured = span !== undefined && span >= minMs ? (this.answeredSinceEmpty * 1000) / span : undefined;
    if (measured !== undefined && (span! <= minMs * MEASURE_MAX_FACTOR || measured > (this.allowed ?? 0))) {
      // AWS's bucket was empty at both throttles: the calls it answered in between are what it refilled.
      // Each measurement is a sample of the same rate; together they say it more precisely.
      this.measuredCalls += this.answeredSinceEmpty;
      this.measuredMs += span!;
      this.allowed = Math.max(MIN_RATE, (this.measuredCalls * 1000) / this.measuredMs);
      this.rate = this.allowed;
    } else if (this.allowed === undefined && now - this.lastDecrease >= DECREASE_HOLD_MS) {
      this.lastDecrease = now;
      const elapsed = now - this.windowStart;
      // What AWS answered lately: the current window if it is long enough, else the previous one.
      const answeredRate = elapsed >= 250 ? (this.windowCount * 1000) / elapsed : Math.max(this.lastWindowRate, this.windowCount);
      const base = this.rate === Number.POSITIVE_INFINITY ? answeredRate : Math.min(this.rate, Math.max(answeredRate, MIN_RATE));
      this.rate = Math.max(MIN_RATE, base * DECREASE);
    } else if (this.allowed !== undefined) {
      // A throttle not measured (too soon, or long after the last one): back to AWS's rate (a probe above it went too far).
      this.rate = Math.min(this.rate, this.allowed);
    }
    if (span === undefined || span >= minMs) {
      this.emptyAt = started;
      this.emptyAnsweredAt = now;
      this.answeredSinceEmpty = 0;
    }
    if (this.rate < rateBefore) {
      this.generation++;
      this.nextStart = now + 1000 / this.rate;
    } else this.nextStart = Math.max(this.nextStart, now + 1000 / this.rate);
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
 * Middleware (finalizeRequest step, low priority: inside retry, so it sees every attempt): each attempt
 * waits for its operation's pace, then takes its in-flight slots (`slots`: the client's, then the run's)
 * only while it is out, and the pace learns from its answer. A call whose attempt was throttled holds no
 * slot while the SDK backs off, so other operations and the next pages of lists are not held up by it.
 */
export function pacingMiddleware(opts: { service: string; target: Target; paces: Map<string, OperationPace>; slots?: <T>(fn: () => Promise<T>) => Promise<T> }) {
  const slots = opts.slots ?? ((fn) => fn());
  return (next: AnyNext, context: { commandName?: string }) => {
    const p = paceFor(opts.paces, paceKey(opts.target, opts.service, (context.commandName ?? '').replace(/Command$/, '')));
    const attempt = async (args: unknown) => {
      const started = Date.now();
      try {
        const out = await next(args);
        p.answered(Date.now(), started);
        return out;
      } catch (err) {
        if (isThrottling(err)) p.throttled(Date.now(), started);
        else p.answered(Date.now(), started);
        throw err;
      }
    };
    return async (args: unknown) => {
      await p.wait();
      return slots(() => attempt(args));
    };
  };
}
