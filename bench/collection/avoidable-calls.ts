// Finds per-item calls whose answer a list call had already returned: the item's describe/get adds
// no field, with the same value, that the listed item did not carry. Such a call costs rate-limit
// budget for nothing. Found from the evidence itself, so it covers collectors added later.
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { withoutPaging } from '../../src/evaluate/evidence-view.ts';

const ID_FIELD = /(Name|Id|Arn|Identifier|name|id|arn|identifier)$/;

type Item = { recordId: string; item: Record<string, unknown> };

function listedItems(response: unknown): Record<string, unknown>[] {
  if (!response || typeof response !== 'object') return [];
  return Object.values(response as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)) : []));
}

/** A describe answer is often `{ Thing: {...} }`; compare the thing itself. */
function subject(response: unknown): Record<string, unknown> | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const entries = Object.entries(response as Record<string, unknown>);
  if (entries.length === 1 && entries[0][1] && typeof entries[0][1] === 'object' && !Array.isArray(entries[0][1])) return entries[0][1] as Record<string, unknown>;
  return response as Record<string, unknown>;
}

export function avoidableCalls(records: readonly EvidenceRecord[]): { key: string; count: number }[] {
  const index = new Map<string, Item[]>();
  for (const r of records) {
    if (r.outcome !== 'ok') continue;
    for (const item of listedItems(r.response)) {
      for (const [field, value] of Object.entries(item)) {
        if (typeof value !== 'string' || !ID_FIELD.test(field)) continue;
        const k = `${r.account}|${r.region}|${value}`;
        const list = index.get(k);
        if (list) list.push({ recordId: r.id, item });
        else index.set(k, [{ recordId: r.id, item }]);
      }
    }
  }
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.outcome !== 'ok') continue;
    const ids = Object.values(withoutPaging(r.input)).filter((v): v is string => typeof v === 'string');
    const answer = subject(r.response);
    if (!ids.length || !answer || Object.keys(answer).length === 0) continue;
    const covered = ids.some((id) =>
      (index.get(`${r.account}|${r.region}|${id}`) ?? []).some(
        (c) => c.recordId !== r.id && Object.entries(answer).every(([f, v]) => JSON.stringify(c.item[f]) === JSON.stringify(v)),
      ),
    );
    if (covered) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}
