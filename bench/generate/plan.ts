// How many resources of each kind a synthetic account holds, per region, for a requested size.
// Shares follow what AI teams actually run: many training jobs and log groups, fewer endpoints.
// Every resource's posture is decided by a hash of its name, so a size always builds the same account.
import { createHash } from 'node:crypto';

export const SYNTHETIC_ACCOUNT = '999988887777';
/** Regions with the share of regional resources each holds (the primary region holds most). */
export const SYNTHETIC_REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['eu-west-1', 0.4],
  ['us-east-1', 0.3],
  ['eu-central-1', 0.2],
  ['us-west-2', 0.1],
];
/** Recording time of synthetic snapshots, fixed so a size rebuilds byte-identically. */
export const SYNTHETIC_RECORDED_AT = new Date('2026-11-20T02:00:00.000Z');

export const RESOURCE_SHARES = {
  notebooks: 0.08,
  trainingJobs: 0.2,
  endpoints: 0.05,
  models: 0.07,
  buckets: 0.1,
  roles: 0.1,
  keys: 0.08,
  logGroups: 0.17,
  securityGroups: 0.1,
  guardrails: 0.05,
} as const;

export type ResourceKind = keyof typeof RESOURCE_SHARES;
/** Kinds listed once per account (IAM, the S3 bucket list); the rest are per region. */
export const GLOBAL_KINDS: ReadonlySet<ResourceKind> = new Set(['buckets', 'roles']);

export interface AccountPlan {
  size: number;
  account: string;
  regions: string[];
  /** kind -> region (or "global") -> count */
  counts: Record<ResourceKind, Record<string, number>>;
}

export function planAccount(size: number, account = SYNTHETIC_ACCOUNT): AccountPlan {
  if (!Number.isInteger(size) || size < 1) throw new Error(`synthetic account size must be a positive integer, got ${size}`);
  const counts = {} as AccountPlan['counts'];
  for (const [kind, share] of Object.entries(RESOURCE_SHARES) as [ResourceKind, number][]) {
    const total = Math.max(1, Math.round(size * share));
    if (GLOBAL_KINDS.has(kind)) {
      counts[kind] = { global: total };
      continue;
    }
    counts[kind] = {};
    let left = total;
    SYNTHETIC_REGIONS.forEach(([region, weight], i) => {
      const n = i === SYNTHETIC_REGIONS.length - 1 ? left : Math.round(total * weight);
      counts[kind][region] = n;
      left -= n;
    });
  }
  return { size, account, regions: SYNTHETIC_REGIONS.map(([r]) => r), counts };
}

export function totalResources(plan: AccountPlan): number {
  return Object.values(plan.counts).reduce((sum, byRegion) => sum + Object.values(byRegion).reduce((a, b) => a + b, 0), 0);
}

/** A deterministic draw in [0, 1) for a resource and a property: the posture is reproducible. */
export function draw(name: string, property: string): number {
  return createHash('sha256').update(`${name}#${property}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** True for about `ratio` of resources: the share that fails a given check. */
export function failing(name: string, property: string, ratio: number): boolean {
  return draw(name, property) < ratio;
}
