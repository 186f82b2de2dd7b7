// Rule patterns beyond rule-helpers.ts for services whose resources are listed, then described, or
// listed under a parent (a bot's aliases, a knowledge base's data sources). Same fail-closed contract:
// a missing or failed call is `unknown`, a target with nothing to judge is `not_applicable`.
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../collect/evidence-shapes.ts';
import type { Target } from '../collect/target.ts';
import type { Finding, ResourceRef } from './finding.ts';
import type { RuleContext } from './rule.ts';
import { accountResource, forEachListed, guarded, judgeCall, listAt, placeName, targets, type Listed, type ListedOptions, type Verdict } from './rule-helpers.ts';

export interface DescribedOptions<K extends KnownEvidenceKey, D extends KnownEvidenceKey, T> extends ListedOptions<K, T> {
  describeKey: D;
  describeInput: (item: T) => Record<string, unknown>;
  resource: (item: T, where: Target) => ResourceRef;
  /** Judges the describe response of one listed item, found at `at`. */
  judge: (described: EvidenceResponse<D>, item: T, at: Target) => Verdict;
}

/** Lists, then judges each item's describe call. */
export function forEachDescribed<K extends KnownEvidenceKey, D extends KnownEvidenceKey, T>(ctx: RuleContext<NoInfer<K | D>>, opts: DescribedOptions<K, D, T>): Finding[] {
  return forEachListed<K, T>(ctx, opts, (item, at, listRecords) =>
    judgeCall(ctx, at, opts.resource(item, at), ctx.evidence.call(opts.describeKey, at, opts.describeInput(item)), { ok: (d) => opts.judge(d, item, at) }, listRecords),
  );
}

export interface ChildListOptions<K extends KnownEvidenceKey, P, C> {
  key: K;
  input: (parent: P) => Record<string, unknown>;
  items: (response: EvidenceResponse<K>) => readonly C[] | undefined;
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
export function forEachChild<PK extends KnownEvidenceKey, CK extends KnownEvidenceKey, P, C>(
  ctx: RuleContext<NoInfer<PK | CK>>,
  parents: ListedOptions<PK, P>,
  children: ChildListOptions<CK, P, C>,
  judge: (child: C, parent: P, where: Target, records: EvidenceRecord[]) => Finding | Finding[],
): Finding[] {
  const findings: Finding[] = [];
  for (const at of targets(ctx, parents.scope)) {
    const parentList = listAt(ctx, parents.key, at, parents.items, parents.input);
    if (!parentList.ok) {
      findings.push(ctx.finding('unknown', at, accountResource(at), `Could not list ${parents.noun}: ${parentList.error}`, parentList.records));
      continue;
    }
    let judged = 0;
    for (const parent of parentList.items.filter((p) => !parents.filter || parents.filter(p, at))) {
      const childList = listAt(ctx, children.key, at, children.items, children.input(parent));
      const records = [...parentList.records, ...childList.records];
      if (!childList.ok) {
        findings.push(ctx.finding('unknown', at, children.parentResource(parent, at), `Could not list ${children.noun}: ${childList.error}`, records));
        judged++;
        continue;
      }
      const kids = childList.items.filter((c) => !children.filter || children.filter(c));
      for (const child of kids) findings.push(...guarded(ctx, at, children.parentResource(parent, at), records, () => judge(child, parent, at, records)));
      judged += kids.length;
    }
    if (judged === 0) findings.push(ctx.finding('not_applicable', at, accountResource(at), `No ${children.noun} of ${parents.noun} in ${placeName(at)}.`, parentList.records));
  }
  return findings;
}

/** One of several lists judged as one population: how to list it at a target, and what it holds. */
export interface PopulationList<T> {
  noun: string;
  list: (at: Target) => Listed<T>;
}

/**
 * Several list calls judged as one population (e.g. the different kinds of Comprehend jobs):
 * any failed list makes the target `unknown`; all lists empty makes it `not_applicable`.
 */
export function forEachListedIn<T>(
  ctx: RuleContext<never>,
  lists: readonly PopulationList<T>[],
  noun: string,
  judge: (item: T, where: Target, records: EvidenceRecord[]) => Finding | Finding[],
): Finding[] {
  const findings: Finding[] = [];
  for (const at of targets(ctx, 'regional')) {
    const listed = lists.map((l) => ({ l, list: l.list(at) }));
    const records = listed.flatMap((c) => c.list.records);
    const failed = listed.find((c) => !c.list.ok);
    if (failed && !failed.list.ok) {
      findings.push(ctx.finding('unknown', at, accountResource(at), `Could not list ${failed.l.noun}: ${failed.list.error}`, records));
      continue;
    }
    let count = 0;
    for (const { list } of listed) {
      if (!list.ok) continue;
      for (const item of list.items) findings.push(...guarded(ctx, at, accountResource(at), list.records, () => judge(item, at, list.records)));
      count += list.items.length;
    }
    if (count === 0) findings.push(ctx.finding('not_applicable', at, accountResource(at), `No ${noun} in ${placeName(at)}.`, records));
  }
  return findings;
}
