// A shard is the unit a worker collects: one account x region (its regional collectors), or one
// account's global collectors (region "global"). It is also the unit AWS throttles (per account,
// region and operation), so one shard's calls are paced by one process, as in a single-process run.
import type { Collector } from '../../collect/collector.ts';
import { GLOBAL_REGION, targetLabel, type Scope, type Target } from '../../collect/target.ts';

export type Shard = Target;

export const shardId = targetLabel;

/** Collectors that run in a shard: the global ones in the global shard, the regional ones elsewhere. */
export function shardCollectors(collectors: readonly Collector[], shard: Shard): Collector[] {
  const scope = shard.region === GLOBAL_REGION ? 'global' : 'regional';
  return collectors.filter((c) => c.scope === scope);
}

/** The scope a shard's collectors are run over (runCollection places global collectors in "global"). */
export function shardScope(shard: Shard): Scope {
  return { accounts: [shard.account], regions: shard.region === GLOBAL_REGION ? [] : [shard.region] };
}

/** Every shard of a scope that has collectors to run, in a stable order (accounts, then global first). */
export function planShards(scope: Scope, collectors: readonly Collector[]): Shard[] {
  const regions = [GLOBAL_REGION, ...[...scope.regions].sort()];
  return [...scope.accounts]
    .sort()
    .flatMap((account) => regions.map((region) => ({ account, region })))
    .filter((shard) => shardCollectors(collectors, shard).length > 0);
}
