// Patterns most rules share, written once so that fail-closed behaviour is not re-implemented per rule:
// a list call that failed or is missing gives `unknown`, an empty list gives `not_applicable`.
import type { EvidenceKey, EvidenceRecord } from '../collect/evidence-record.ts';
import { GLOBAL_REGION, type Target } from '../collect/target.ts';
import type { CallState } from './evidence-view.ts';
import type { Finding, FindingStatus, ResourceRef } from './finding.ts';
import type { RuleContext } from './rule.ts';

export function targets(ctx: RuleContext, scope: 'regional' | 'global'): Target[] {
  const regions = scope === 'global' ? [GLOBAL_REGION] : ctx.scope.regions;
  return ctx.scope.accounts.flatMap((account) => regions.map((region) => ({ account, region })));
}

/** The account itself, in one region, as the subject of a finding (e.g. "GuardDuty is enabled here"). */
export function accountResource(where: Target): ResourceRef {
  return { type: 'AWS::::Account', id: where.region === GLOBAL_REGION ? where.account : `${where.account}/${where.region}` };
}

export interface ListedOptions<T> {
  key: EvidenceKey;
  scope: 'regional' | 'global';
  /** The items in one page of the response. */
  items: (response: any) => T[] | undefined;
  /** What the items are called in reasons, e.g. "SageMaker notebook instances". */
  noun: string;
  input?: Record<string, unknown>;
  /** Keep only the items this control is about. */
  filter?: (item: T, where: Target) => boolean;
}

/**
 * Evaluates every item of a list call at every target. Targets where the list is missing or failed
 * give one `unknown` finding; targets with no items give one `not_applicable` finding.
 */
export function forEachListed<T>(
  ctx: RuleContext,
  opts: ListedOptions<T>,
  judge: (item: T, where: Target, listRecords: EvidenceRecord[]) => Finding | Finding[],
): Finding[] {
  const findings: Finding[] = [];
  for (const where of targets(ctx, opts.scope)) {
    const call = ctx.evidence.call(opts.key, where, opts.input);
    if (call.state !== 'ok') {
      findings.push(ctx.finding('unknown', where, accountResource(where), `Could not list ${opts.noun}: ${call.error}`, call.records));
      continue;
    }
    const items = call.responses.flatMap((r) => opts.items(r) ?? []).filter((item) => !opts.filter || opts.filter(item, where));
    if (items.length === 0) {
      findings.push(ctx.finding('not_applicable', where, accountResource(where), `No ${opts.noun} in ${where.region === GLOBAL_REGION ? `account ${where.account}` : `${where.account}/${where.region}`}.`, call.records));
      continue;
    }
    for (const item of items) findings.push(...[judge(item, where, call.records)].flat());
  }
  return findings;
}

/** Every item of a list call at one target, or the reason it cannot be known. */
export function listAt<T>(ctx: RuleContext, key: EvidenceKey, where: Target, items: (response: any) => T[] | undefined, input?: Record<string, unknown>):
  | { ok: true; items: T[]; records: EvidenceRecord[] }
  | { ok: false; error: string; records: EvidenceRecord[] } {
  const call = ctx.evidence.call(key, where, input);
  if (call.state !== 'ok') return { ok: false, error: call.error, records: call.records };
  return { ok: true, items: call.responses.flatMap((r) => items(r) ?? []), records: call.records };
}

export interface Verdict {
  status: FindingStatus;
  reason: string;
}

/** How to judge an answered call: `ok` gets the first response, `notConfigured` the "not configured" error. */
export interface CallVerdicts {
  ok: (response: any) => Verdict;
  notConfigured?: (error: string) => Verdict;
}

/**
 * Judges a follow-up call about one resource. Missing or failed evidence is `unknown`; a
 * "not configured" answer goes to `notConfigured` (usually a fail), an answer to `ok`.
 */
export function judgeCall(
  ctx: RuleContext,
  where: Target,
  resource: ResourceRef,
  call: CallState,
  verdicts: CallVerdicts,
  extraRecords: readonly EvidenceRecord[] = [],
): Finding {
  const records = [...extraRecords, ...call.records];
  switch (call.state) {
    case 'ok': {
      const v = verdicts.ok(call.responses[0]);
      return ctx.finding(v.status, where, resource, v.reason, records);
    }
    case 'not_configured': {
      if (verdicts.notConfigured) {
        const v = verdicts.notConfigured(call.error);
        return ctx.finding(v.status, where, resource, v.reason, records);
      }
      return ctx.finding('unknown', where, resource, `Unexpected "not configured" answer: ${call.error}`, records);
    }
    default:
      return ctx.finding('unknown', where, resource, call.error, records);
  }
}

export function pass(reason: string): Verdict {
  return { status: 'pass', reason };
}

export function fail(reason: string): Verdict {
  return { status: 'fail', reason };
}

/** Dates in evidence are ISO strings (the stored JSON form); live SDK objects may still be Dates. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}
