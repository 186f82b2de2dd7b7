// One verdict per listed item, about the item itself: a judged field the item lacks is `unknown` about
// that resource (not about the account), a failed list `unknown`, an empty one `not_applicable`.
import type { KnownEvidenceKey } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import type { RuleContext } from '../rule.ts';
import { forEachListed, guarded, judged, type ListedOptions, type Verdict } from '../rule-helpers.ts';

export interface ListedItemOptions<K extends KnownEvidenceKey, T> extends ListedOptions<K, T> {
  resource: (item: T) => ResourceRef;
}

export function eachListedItem<K extends KnownEvidenceKey, T>(ctx: RuleContext<NoInfer<K>>, opts: ListedItemOptions<K, T>, judge: (item: T, at: Target) => Verdict): Finding[] {
  return forEachListed<K, T>(ctx, opts, (item, at, records) => {
    const resource = opts.resource(item);
    return guarded(ctx, at, resource, records, () => judged(ctx, at, resource, judge(item, at), records));
  });
}
