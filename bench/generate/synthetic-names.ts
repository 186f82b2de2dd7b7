// Resource names that encode their kind, region and index, so a describe handler can answer for any
// of 100k resources without keeping them in memory: the name says whether the resource exists.
import { SYNTHETIC_RECORDED_AT, type AccountPlan, type ResourceKind, draw } from './plan.ts';

const PREFIX: Record<ResourceKind, string> = {
  notebooks: 'nb',
  trainingJobs: 'train',
  endpoints: 'ep',
  models: 'model',
  buckets: 'bucket',
  roles: 'role',
  keys: 'key',
  logGroups: 'logs',
  securityGroups: 'sg',
  guardrails: 'guardrail',
};

export function resourceName(kind: ResourceKind, region: string, index: number): string {
  return `${PREFIX[kind]}-${region}-${String(index).padStart(6, '0')}`;
}

/** The index of `name` if it is a resource of this kind in this region (or "global"), else undefined. */
export function resourceIndex(plan: AccountPlan, kind: ResourceKind, region: string, name: unknown): number | undefined {
  if (typeof name !== 'string') return undefined;
  const prefix = `${PREFIX[kind]}-${region}-`;
  if (!name.startsWith(prefix)) return undefined;
  const index = Number(name.slice(prefix.length));
  return Number.isInteger(index) && index >= 0 && index < (plan.counts[kind][region] ?? 0) ? index : undefined;
}

const nameCache = new WeakMap<AccountPlan, Map<string, string[]>>();

/** Every name of a kind in a region, built once per plan (list handlers page through it). */
export function names(plan: AccountPlan, kind: ResourceKind, region: string): string[] {
  let byKind = nameCache.get(plan);
  if (!byKind) nameCache.set(plan, (byKind = new Map()));
  const key = `${kind}|${region}`;
  let list = byKind.get(key);
  if (!list) byKind.set(key, (list = Array.from({ length: plan.counts[kind][region] ?? 0 }, (_, i) => resourceName(kind, region, i))));
  return list;
}

/** A creation date within the last ~400 days, stable per resource. */
export function createdAt(name: string): Date {
  return new Date(SYNTHETIC_RECORDED_AT.getTime() - Math.floor(draw(name, 'created') * 400) * 86_400_000 - 3_600_000);
}

export function syntheticArn(service: string, region: string, account: string, resource: string): string {
  return `arn:aws:${service}:${region === 'global' ? '' : region}:${account}:${resource}`;
}

/**
 * One page of a list, the way AWS pages: the token in the input selects the page, the requested page
 * size is honoured up to the service's maximum, and a token in the output asks for the next page.
 */
export function pageOf<T>(items: readonly T[], input: Record<string, unknown>, opts: { tokenIn: string; sizeField?: string; max: number }): { page: T[]; next?: string } {
  const start = Number(input[opts.tokenIn] ?? 0) || 0;
  const asked = opts.sizeField ? Number(input[opts.sizeField]) : NaN;
  const size = Number.isFinite(asked) && asked > 0 ? Math.min(asked, opts.max) : opts.max;
  const page = items.slice(start, start + size);
  return start + size < items.length ? { page, next: String(start + size) } : { page };
}
