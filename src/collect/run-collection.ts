// Runs the selected collectors over every target of the scope: regional collectors per account x
// region, global ones once per account. Nothing here is serial over accounts or regions; limits are
// per account (AWS throttles per account and region) and per call fan-out.
import pLimit from 'p-limit';
import type { ClientFactory } from './client-factory.ts';
import type { Collector, CollectorContext } from './collector.ts';
import { describeError } from './aws-error.ts';
import { recordId, sealRecord } from './evidence-record.ts';
import type { EvidenceSink } from './evidence-sink.ts';
import { GLOBAL_REGION, type Scope, type Target } from './target.ts';

export interface CollectionOptions {
  factory: ClientFactory;
  sink: EvidenceSink;
  scope: Scope;
  collectors: Collector[];
  /** Collectors running at once per account. */
  perAccountConcurrency?: number;
  /** Collectors running at once in the whole run (many accounts must not open thousands of connections). */
  totalConcurrency?: number;
  /** Follow-up calls at once inside one collector. */
  fanOutConcurrency?: number;
  now?: () => Date;
  onCollectorDone?: (event: { collector: string; target: Target; ms: number; error?: string }) => void;
}

export const DEFAULT_PER_ACCOUNT_CONCURRENCY = 8;
export const DEFAULT_TOTAL_CONCURRENCY = 64;

export function targetsFor(collector: Collector, scope: Scope): Target[] {
  const regions = collector.scope === 'global' ? [GLOBAL_REGION] : scope.regions;
  return scope.accounts.flatMap((account) => regions.map((region) => ({ account, region })));
}

export async function runCollection(opts: CollectionOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  const limits = new Map<string, ReturnType<typeof pLimit>>();
  const limitFor = (account: string) => {
    let l = limits.get(account);
    if (!l) limits.set(account, (l = pLimit(opts.perAccountConcurrency ?? DEFAULT_PER_ACCOUNT_CONCURRENCY)));
    return l;
  };
  const total = pLimit(opts.totalConcurrency ?? DEFAULT_TOTAL_CONCURRENCY);
  // Same acquisition order everywhere (account slot, then run slot), so the two limits cannot deadlock.
  const jobs = opts.collectors.flatMap((collector) =>
    targetsFor(collector, opts.scope).map((target) =>
      limitFor(target.account)(() => total(async () => {
        const started = Date.now();
        const fanOut = pLimit(opts.fanOutConcurrency ?? 4);
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
            await Promise.all(items.map((item) => fanOut(() => fn(item).catch(() => undefined))));
          },
        };
        try {
          await collector.collect(ctx);
          opts.onCollectorDone?.({ collector: collector.name, target, ms: Date.now() - started });
        } catch (err) {
          // A collector bug must not vanish: every key it should have produced gets an error record.
          const { error } = describeError(err);
          for (const key of collector.produces) {
            const [service, operation] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
            const body = { key, service, operation, account: target.account, region: target.region, input: { collectorFailure: collector.name } };
            opts.sink.add(
              sealRecord({
                id: recordId(body),
                ...body,
                collectedAt: now().toISOString(),
                outcome: 'error',
                error: { name: 'CollectorFailed', message: `${collector.name}: ${error.name}: ${error.message}` },
              }),
            );
          }
          opts.onCollectorDone?.({ collector: collector.name, target, ms: Date.now() - started, error: error.message });
        }
      })),
    ),
  );
  await Promise.all(jobs);
}
