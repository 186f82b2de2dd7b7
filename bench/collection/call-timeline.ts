// Where a limited collection's wall time went, per account x region x operation: when its first attempt
// reached AWS, when its last answer came, how many calls and throttles, the rate achieved, and how long
// its calls would need at the limit (burst, then the sustained rate). Sorted by the time the last answer
// came: the operations at the top finished last, and `lateStartMs` / `slackMs` say whether they started
// late (waiting for lists, collectors or slots) or ran below their rate (pacing, retries' back-off).
import type { RateLimit } from './aws-limits.ts';
import type { LoggedCall } from './call-log.ts';

export interface OperationTimeline {
  bucket: string;
  calls: number;
  throttles: number;
  /** First attempt and last answer, ms after the run's first attempt. */
  firstMs: number;
  lastMs: number;
  /** Calls answered per second between the two. */
  achievedRate: number;
  /** What the calls need at the limit: (calls - burst) / rate, in ms. */
  needMs: number;
  /** lastMs - firstMs - needMs: time lost while running (pacing below the rate, back-off tails, slots). */
  slackMs: number;
  /** Answered calls per second of the run, from the first attempt (for the slowest operations). */
  perSecond?: number[];
  /** Throttled attempts per second of the run. */
  throttledPerSecond?: number[];
  /** Gaps between a throttled attempt and the same call's next attempt (the SDK's back-off plus pacing), ms. */
  retryGapsMs?: { count: number; median: number; max: number };
}

type TimedCall = LoggedCall & { at: number };

export function callTimeline(logged: readonly LoggedCall[], limitFor: (key: string) => RateLimit, top = 8): OperationTimeline[] {
  const calls = logged.filter((c): c is TimedCall => c.at !== undefined);
  if (calls.length === 0) return [];
  const t0 = Math.min(...calls.map((c) => c.at));
  const byBucket = new Map<string, TimedCall[]>();
  for (const c of calls) {
    const id = `${c.account}|${c.region}|${c.key}`;
    let list = byBucket.get(id);
    if (!list) byBucket.set(id, (list = []));
    list.push(c);
  }
  const rows: OperationTimeline[] = [];
  for (const [bucket, list] of byBucket) {
    const answered = list.filter((c) => !c.throttled);
    if (answered.length === 0) continue;
    const limit = limitFor(bucket.slice(bucket.lastIndexOf('|') + 1));
    const firstMs = Math.min(...list.map((c) => c.at)) - t0;
    const lastMs = Math.max(...answered.map((c) => c.at)) - t0;
    const needMs = (Math.max(0, answered.length - limit.burst) / limit.rate) * 1000;
    const spanS = Math.max(0.001, (lastMs - firstMs) / 1000);
    rows.push({ bucket, calls: answered.length, throttles: list.length - answered.length, firstMs: Math.round(firstMs), lastMs: Math.round(lastMs), achievedRate: round(answered.length / spanS), needMs: Math.round(needMs), slackMs: Math.round(lastMs - firstMs - needMs) });
  }
  rows.sort((a, b) => b.lastMs - a.lastMs);
  const slowest = rows.slice(0, top);
  for (const row of slowest) {
    const list = byBucket.get(row.bucket)!;
    row.perSecond = perSecondOf(list.filter((c) => !c.throttled), t0);
    row.throttledPerSecond = perSecondOf(list.filter((c) => c.throttled), t0);
    const gaps: number[] = [];
    const pending = new Map<string, number>();
    for (const c of list) {
      const since = pending.get(c.input);
      if (since !== undefined) gaps.push(c.at - since);
      if (c.throttled) pending.set(c.input, c.at);
      else pending.delete(c.input);
    }
    if (gaps.length) {
      gaps.sort((a, b) => a - b);
      row.retryGapsMs = { count: gaps.length, median: Math.round(gaps[gaps.length >> 1]), max: Math.round(gaps[gaps.length - 1]) };
    }
  }
  return slowest;
}

function perSecondOf(calls: readonly TimedCall[], t0: number): number[] {
  const counts: number[] = [];
  for (const c of calls) {
    const s = Math.floor((c.at - t0) / 1000);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return Array.from(counts, (n) => n ?? 0);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
