// The least wall time any collector could take for the calls that were needed:
// - rate: per account x region x operation, calls beyond the burst arrive at the sustained rate;
// - concurrency: every call waits one latency, and at most `inFlightPerAccount` calls are out at once per
//   account (and, when given, `inFlightPerService(service)` per account x region x service);
// - paging: pages of one list follow each other (each needs the previous page's token).
// The bound is the largest of the three; the run's wall time divided by it is the efficiency ratio.
import { withoutPaging } from '../../src/evaluate/evidence-view.ts';
import type { RateLimit } from './aws-limits.ts';
import type { LoggedCall } from './call-log.ts';

export interface CollectionBound {
  rateSeconds: number;
  rateBottleneck: string;
  concurrencySeconds: number;
  pagingSeconds: number;
  boundSeconds: number;
}

export function collectionBound(
  answered: readonly LoggedCall[],
  opts: { latencyMs: number; inFlightPerAccount: number; inFlightPerService?: (service: string) => number; limitFor: (key: string) => RateLimit },
): CollectionBound {
  const perBucket = new Map<string, number>();
  const perAccount = new Map<string, number>();
  const perService = new Map<string, number>();
  const pages = new Map<string, number>();
  for (const c of answered) {
    const bucket = `${c.account}|${c.region}|${c.key}`;
    perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + 1);
    perAccount.set(c.account, (perAccount.get(c.account) ?? 0) + 1);
    const service = `${c.account}|${c.region}|${c.key.slice(0, c.key.indexOf('.'))}`;
    perService.set(service, (perService.get(service) ?? 0) + 1);
    const logical = `${bucket}|${JSON.stringify(withoutPaging(JSON.parse(c.input)))}`;
    pages.set(logical, (pages.get(logical) ?? 0) + 1);
  }
  let rateSeconds = 0;
  let rateBottleneck = '';
  for (const [bucket, n] of perBucket) {
    const limit = opts.limitFor(bucket.slice(bucket.lastIndexOf('|') + 1));
    const s = Math.max(0, n - limit.burst) / limit.rate;
    if (s > rateSeconds) [rateSeconds, rateBottleneck] = [s, `${bucket} (${n} calls)`];
  }
  const latency = opts.latencyMs / 1000;
  const inFlightPerService = opts.inFlightPerService;
  const concurrencySeconds = Math.max(
    0,
    ...[...perAccount.values()].map((n) => (n * latency) / opts.inFlightPerAccount),
    ...(inFlightPerService ? [...perService].map(([id, n]) => (n * latency) / inFlightPerService(id.slice(id.lastIndexOf('|') + 1))) : []),
  );
  const pagingSeconds = Math.max(0, ...[...pages.values()].map((n) => n * latency));
  return { rateSeconds, rateBottleneck, concurrencySeconds, pagingSeconds, boundSeconds: Math.max(rateSeconds, concurrencySeconds, pagingSeconds, latency) };
}
