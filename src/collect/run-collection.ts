// Runs the selected collectors over every target of the scope: regional collectors per account x
// region, global ones once per account. Nothing here is serial over accounts or regions. The limits
// that matter are on calls, where AWS throttles: in flight per service x account x region and in the
// whole run (ClientFactory), with the SDK's adaptive retry absorbing throttling. Collectors and their
// per-resource follow-ups are only bounded loosely (a collector mostly waits for its calls).
import pLimit from 'p-limit';
import type { ClientFactory } from './client-factory.ts';
import type { Collector, CollectorContext } from './collector.ts';
import { describeError } from './aws-error.ts';
import type { EvidenceSink } from './evidence-sink.ts';
import { collectorFailureRecords } from './failure-records.ts';
import { GLOBAL_REGION, type Scope, type Target } from './target.ts';
import { runKeyed } from '../util/keyed-queue.ts';

export interface CollectionOptions {
  factory: ClientFactory;
  sink: EvidenceSink;
  scope: Scope;
  collectors: Collector[];
  /** Collectors running at once per account. */
  perAccountConcurrency?: number;
  /** Collectors running at once in the whole run (calls are bounded by the factory in any case). */
  totalConcurrency?: number;
  /**
   * Items of one `ctx.forEach` started at once; unset: all of them, their calls then wait for the
   * factory's per-service and run limits. Each forEach has its own bound, so nested ones cannot deadlock.
   */
  fanOutConcurrency?: number;
  now?: () => Date;
  onCollectorDone?: (event: { collector: string; target: Target; ms: number; error?: string }) => void;
  /** Called once per account of the scope when its last collector has ended: its evidence is complete. */
  onAccountDone?: (account: string) => void;
}

// Large enough that a few long collectors (one rate-limited operation over thousands of resources)
// do not hold back the others: calls, not collectors, are what AWS limits.
export const DEFAULT_PER_ACCOUNT_CONCURRENCY = 64;
export const DEFAULT_TOTAL_CONCURRENCY = 256;

export function targetsFor(collector: Collector, scope: Scope): Target[] {
  const regions = collector.scope === 'global' ? [GLOBAL_REGION] : scope.regions;
  return scope.accounts.flatMap((account) => regions.map((region) => ({ account, region })));
}

export async function runCollection(opts: CollectionOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  // Queued account by account: a free slot goes to the earliest account that may start another
  // collector, so accounts finish one after another and each target's SDK clients (about 25 KB each,
  // one per service) are released when its last collector is done. Queued collector by collector, every
  // account stayed open to the end: at 25 accounts over 100 MB of clients held through collection.
  const work = opts.scope.accounts.flatMap((account) => opts.collectors.flatMap((collector) => targetsFor(collector, opts.scope).filter((t) => t.account === account).map((target) => ({ collector, target }))));
  const left = new Map<string, number>();
  const keyOf = (t: Target) => `${t.account}|${t.region}`;
  for (const { target } of work) left.set(keyOf(target), (left.get(keyOf(target)) ?? 0) + 1);
  const done = (target: Target) => {
    const n = left.get(keyOf(target))! - 1;
    left.set(keyOf(target), n);
    if (n === 0) opts.factory.release(target);
  };
  const jobs = work.map(({ collector, target }) => ({
    key: target.account,
    run: async () => {
      const started = Date.now();
      const ctx: CollectorContext = {
        target,
        client: (service) => opts.factory.client(service, target),
        attempt: async (fn) => {
          try {
            return await fn();
          } catch {
            return undefined;
          }
        },
        forEach: async (items, fn) => {
          const each = (item: (typeof items)[number]) => fn(item).catch(() => undefined);
          if (opts.fanOutConcurrency === undefined) await Promise.all(items.map(each));
          else {
            const fanOut = pLimit(opts.fanOutConcurrency);
            await Promise.all(items.map((item) => fanOut(() => each(item))));
          }
        },
      };
      try {
        await collector.collect(ctx);
        opts.onCollectorDone?.({ collector: collector.name, target, ms: Date.now() - started });
      } catch (err) {
        // A collector bug must not vanish: every key it should have produced gets an error record.
        const { error } = describeError(err);
        const failure = { name: 'CollectorFailed', message: `${collector.name}: ${error.name}: ${error.message}` };
        for (const record of collectorFailureRecords(collector, target, failure, { collectorFailure: collector.name }, now())) opts.sink.add(record);
        opts.onCollectorDone?.({ collector: collector.name, target, ms: Date.now() - started, error: error.message });
      } finally {
        done(target);
      }
    },
  }));
  await runKeyed(jobs, { total: opts.totalConcurrency ?? DEFAULT_TOTAL_CONCURRENCY, perKey: opts.perAccountConcurrency ?? DEFAULT_PER_ACCOUNT_CONCURRENCY }, opts.onAccountDone);
}
