// Rule patterns beyond rule-helpers.ts for services whose resources are listed, then described, or
// listed under a parent (a bot's aliases, a knowledge base's data sources). Same fail-closed contract:
// a missing or failed call is `unknown`, a target with nothing to judge is `not_applicable`.
import type { EvidenceKey, EvidenceRecord } from '../collect/evidence-record.ts';
import { GLOBAL_REGION, type Target } from '../collect/target.ts';
import type { Finding, ResourceRef } from './finding.ts';
import type { RuleContext } from './rule.ts';
import { accountResource, forEachListed, judgeCall, targets, type ListedOptions, type Verdict } from './rule-helpers.ts';

function where(t: Target): string {
  return t.region === GLOBAL_REGION ? `account ${t.account}` : `${t.account}/${t.region}`;
}

export interface DescribedOptions<T> extends ListedOptions<T> {
  describeKey: EvidenceKey;
  describeInput: (item: T) => Record<string, unknown>;
  resource: (item: T, where: Target) => ResourceRef;
  /** Judges the describe response of one listed item. */
  judge: (described: any, item: T) => Verdict;
}

/** Lists, then judges each item's describe call. */
export function forEachDescribed<T>(ctx: RuleContext, opts: DescribedOptions<T>): Finding[] {
  return forEachListed(ctx, opts, (item, at, listRecords) =>
    judgeCall(ctx, at, opts.resource(item, at), ctx.evidence.call(opts.describeKey, at, opts.describeInput(item)), { ok: (d) => opts.judge(d, item) }, listRecords),
  );
}

export interface ChildListOptions<P, C> {
  key: EvidenceKey;
  input: (parent: P) => Record<string, unknown>;
  items: (response: any) => C[] | undefined;
  /** What the children are called in reasons, e.g. "bot aliases". */
  noun: string;
  /** The parent, as the subject of an `unknown` finding when its children cannot be listed. */
  parentResource: (parent: P, where: Target) => ResourceRef;
  /** Children this control is about (e.g. not the built-in test alias). */
  filter?: (child: C) => boolean;
}

/**
 * Judges every child listed under every parent. A parent whose child list failed gives `unknown`;
 * a target with no children at all (or no parents) gives one `not_applicable`.
 */
export function forEachChild<P, C>(
  ctx: RuleContext,
  parents: ListedOptions<P>,
  children: ChildListOptions<P, C>,
  judge: (child: C, parent: P, where: Target, records: EvidenceRecord[]) => Finding | Finding[],
): Finding[] {
  const findings: Finding[] = [];
  for (const at of targets(ctx, parents.scope)) {
    const parentCall = ctx.evidence.call(parents.key, at, parents.input);
    if (parentCall.state !== 'ok') {
      findings.push(ctx.finding('unknown', at, accountResource(at), `Could not list ${parents.noun}: ${parentCall.error}`, parentCall.records));
      continue;
    }
    const parentItems = parentCall.responses.flatMap((r) => parents.items(r) ?? []).filter((p) => !parents.filter || parents.filter(p, at));
    let judged = 0;
    for (const parent of parentItems) {
      const childCall = ctx.evidence.call(children.key, at, children.input(parent));
      const records = [...parentCall.records, ...childCall.records];
      if (childCall.state !== 'ok') {
        findings.push(ctx.finding('unknown', at, children.parentResource(parent, at), `Could not list ${children.noun}: ${childCall.error}`, records));
        judged++;
        continue;
      }
      const kids = childCall.responses.flatMap((r) => children.items(r) ?? []).filter((c) => !children.filter || children.filter(c));
      for (const child of kids) findings.push(...[judge(child, parent, at, records)].flat());
      judged += kids.length;
    }
    if (judged === 0) findings.push(ctx.finding('not_applicable', at, accountResource(at), `No ${children.noun} of ${parents.noun} in ${where(at)}.`, parentCall.records));
  }
  return findings;
}

/**
 * Several list calls judged as one population (e.g. the different kinds of Comprehend jobs):
 * any failed list makes the target `unknown`; all lists empty makes it `not_applicable`.
 */
export function forEachListedIn<T>(ctx: RuleContext, lists: ListedOptions<T>[], noun: string, judge: (item: T, where: Target, records: EvidenceRecord[]) => Finding | Finding[]): Finding[] {
  const findings: Finding[] = [];
  const scope = lists[0]!.scope;
  for (const at of targets(ctx, scope)) {
    const calls = lists.map((l) => ({ l, call: ctx.evidence.call(l.key, at, l.input) }));
    const records = calls.flatMap((c) => c.call.records);
    const failed = calls.find((c) => c.call.state !== 'ok');
    if (failed && failed.call.state !== 'ok') {
      findings.push(ctx.finding('unknown', at, accountResource(at), `Could not list ${failed.l.noun}: ${failed.call.error}`, records));
      continue;
    }
    let count = 0;
    for (const { l, call } of calls) {
      if (call.state !== 'ok') continue;
      const items = call.responses.flatMap((r) => l.items(r) ?? []).filter((item) => !l.filter || l.filter(item, at));
      for (const item of items) findings.push(...[judge(item, at, call.records)].flat());
      count += items.length;
    }
    if (count === 0) findings.push(ctx.finding('not_applicable', at, accountResource(at), `No ${noun} in ${where(at)}.`, records));
  }
  return findings;
}
