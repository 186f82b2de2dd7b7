// Patterns most rules share, written once so that fail-closed behaviour is not re-implemented per rule:
// a list call that failed or is missing gives `unknown`, an empty list gives `not_applicable`, and a
// field a rule judges that the evidence lacks gives `unknown` (see `required`).
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../collect/evidence-shapes.ts';
import { GLOBAL_REGION, type Target } from '../collect/target.ts';
import { AbsentField, mergePages } from './absent-field.ts';
import type { CallState } from './evidence-view.ts';
import type { Finding, FindingStatus, ResourceRef } from './finding.ts';
import type { RuleContext } from './rule.ts';

export { AbsentField, present, required } from './absent-field.ts';

export function targets(ctx: RuleContext<never>, scope: 'regional' | 'global'): Target[] {
  const regions = scope === 'global' ? [GLOBAL_REGION] : ctx.scope.regions;
  return ctx.scope.accounts.flatMap((account) => regions.map((region) => ({ account, region })));
}

/** The account itself, in one region, as the subject of a finding (e.g. "GuardDuty is enabled here"). */
export function accountResource(where: Target): ResourceRef {
  return { type: 'AWS::::Account', id: where.region === GLOBAL_REGION ? where.account : `${where.account}/${where.region}` };
}

export function placeName(where: Target): string {
  return where.region === GLOBAL_REGION ? `account ${where.account}` : `${where.account}/${where.region}`;
}

export interface ListedOptions<K extends KnownEvidenceKey, T> {
  key: K;
  scope: 'regional' | 'global';
  /** The items in one page of the response. */
  items: (response: EvidenceResponse<K>) => readonly T[] | undefined;
  /** What the items are called in reasons, e.g. "SageMaker notebook instances". */
  noun: string;
  input?: Record<string, unknown>;
  /** Keep only the items this control is about. */
  filter?: (item: T, where: Target) => boolean;
}

/**
 * Runs `judge`, turning a judged field the evidence lacks (`required`) into an `unknown` finding
 * about `resource` instead of a verdict built on a guess.
 */
export function guarded(ctx: RuleContext<never>, where: Target, resource: ResourceRef, records: readonly EvidenceRecord[], judge: () => Finding | Finding[]): Finding[] {
  try {
    return [judge()].flat();
  } catch (err) {
    if (err instanceof AbsentField) return [ctx.finding('unknown', where, resource, err.message, records)];
    throw err;
  }
}

/**
 * Evaluates every item of a list call at every target. Targets where the list is missing or failed
 * give one `unknown` finding; targets with no items give one `not_applicable` finding.
 */
export function forEachListed<K extends KnownEvidenceKey, T>(
  ctx: RuleContext<NoInfer<K>>,
  opts: ListedOptions<K, T>,
  judge: (item: T, where: Target, listRecords: EvidenceRecord[]) => Finding | Finding[],
): Finding[] {
  const findings: Finding[] = [];
  for (const where of targets(ctx, opts.scope)) {
    const listed = listAt(ctx, opts.key, where, opts.items, opts.input);
    if (!listed.ok) {
      findings.push(ctx.finding('unknown', where, accountResource(where), `Could not list ${opts.noun}: ${listed.error}`, listed.records));
      continue;
    }
    const items = listed.items.filter((item) => !opts.filter || opts.filter(item, where));
    if (items.length === 0) {
      findings.push(ctx.finding('not_applicable', where, accountResource(where), `No ${opts.noun} in ${placeName(where)}.`, listed.records));
      continue;
    }
    for (const item of items) findings.push(...guarded(ctx, where, accountResource(where), listed.records, () => judge(item, where, listed.records)));
  }
  return findings;
}

export type Listed<T> = { ok: true; items: T[]; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] };

/** Every item of a list call at one target, or the reason it cannot be known. */
export function listAt<K extends KnownEvidenceKey, T>(
  ctx: RuleContext<NoInfer<K>>,
  key: K,
  where: Target,
  items: (response: EvidenceResponse<K>) => readonly T[] | undefined,
  input?: Record<string, unknown>,
): Listed<T> {
  const call = ctx.evidence.call(key, where, input);
  if (call.state !== 'ok') return { ok: false, error: call.error, records: call.records };
  return { ok: true, items: call.responses.flatMap((r) => items(r) ?? []), records: call.records };
}

export interface Verdict {
  status: FindingStatus;
  reason: string;
  /** Evidence the verdict itself consulted beyond the resource's own (e.g. the KMS DescribeKey that told who manages its key). */
  records?: readonly EvidenceRecord[];
}

/** A verdict as a finding about `resource`, citing `records` and whatever the verdict consulted. */
export function judged(ctx: RuleContext<never>, where: Target, resource: ResourceRef, v: Verdict, records: readonly EvidenceRecord[]): Finding {
  return ctx.finding(v.status, where, resource, v.reason, v.records?.length ? [...records, ...v.records] : records);
}

/** As `judged`, with a judged field the evidence lacks making the finding about `resource` unknown. */
export function judgedGuarded(ctx: RuleContext<never>, where: Target, resource: ResourceRef, records: readonly EvidenceRecord[], verdict: () => Verdict): Finding[] {
  return guarded(ctx, where, resource, records, () => judged(ctx, where, resource, verdict(), records));
}

/**
 * Judges a list as a whole (e.g. "some guardrail is READY", "this endpoint's monitoring schedules"):
 * a failed or missing list is `unknown` about `resource` ("Could not list <noun>: ..."), a judged field
 * the items lack too. `extraRecords` (e.g. the parent's list) go with every finding.
 */
export function whenListed<T>(
  ctx: RuleContext<never>,
  where: Target,
  resource: ResourceRef,
  noun: string,
  listed: Listed<T>,
  judge: (items: T[], records: EvidenceRecord[]) => Finding | Finding[],
  extraRecords: readonly EvidenceRecord[] = [],
): Finding[] {
  const records = [...extraRecords, ...listed.records];
  if (!listed.ok) return [ctx.finding('unknown', where, resource, `Could not list ${noun}: ${listed.error}`, records)];
  return guarded(ctx, where, resource, records, () => judge(listed.items, records));
}

/** How to judge an answered call: `ok` gets the answer (every page merged), `notConfigured` the "not configured" error. */
export interface CallVerdicts<R> {
  ok: (response: R) => Verdict;
  notConfigured?: (error: string) => Verdict;
}

/**
 * Judges a follow-up call about one resource. Missing or failed evidence is `unknown`; a
 * "not configured" answer goes to `notConfigured` (usually a fail), an answer to `ok`, which sees
 * every page (lists concatenated) and gives `unknown` when a field it `required` is absent.
 */
export function judgeCall<R>(
  ctx: RuleContext<never>,
  where: Target,
  resource: ResourceRef,
  call: CallState<R>,
  verdicts: CallVerdicts<R>,
  extraRecords: readonly EvidenceRecord[] = [],
): Finding {
  const records = [...extraRecords, ...call.records];
  const verdict = (judge: () => Verdict): Finding => guarded(ctx, where, resource, records, () => {
    return judged(ctx, where, resource, judge(), records);
  })[0]!;
  switch (call.state) {
    case 'ok':
      return verdict(() => verdicts.ok(mergePages(call.responses)));
    case 'not_configured': {
      const judge = verdicts.notConfigured;
      if (judge) return verdict(() => judge(call.error));
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

export function unknown(reason: string): Verdict {
  return { status: 'unknown', reason };
}

export function notApplicable(reason: string): Verdict {
  return { status: 'not_applicable', reason };
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
