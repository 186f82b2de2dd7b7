// Read-only index over the run's evidence records, for rules. Pagination tokens are ignored when
// grouping pages, so a rule asks for "the ListX call at this target" and gets every page.
import type { EvidenceKey, EvidenceRecord } from '../collect/evidence-record.ts';
import type { EvidenceResponse, KnownEvidenceKey } from '../collect/evidence-shapes.ts';
import type { Target } from '../collect/target.ts';
import { stableStringify } from '../util/stable-json.ts';

const PAGING_FIELDS = new Set(['NextToken', 'nextToken', 'Marker', 'ContinuationToken', 'PaginationToken', 'MaxResults', 'maxResults', 'MaxItems', 'MaxRecords', 'Limit', 'StartingToken', 'ExclusiveStartKey', 'ExclusiveStartTableName', 'MaxBuckets',
  // WAFv2 (NextMarker) and API Gateway's REST API (position, limit).
  'NextMarker', 'position', 'limit']);

export function withoutPaging(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!PAGING_FIELDS.has(k) && v !== undefined && v !== null) out[k] = v;
  return out;
}

/** The state of one logical call (all its pages) at one target. */
export type CallState<R = unknown> =
  | { state: 'ok'; records: EvidenceRecord[]; responses: R[] }
  | { state: 'not_configured'; records: EvidenceRecord[]; error: string }
  | { state: 'error'; records: EvidenceRecord[]; error: string }
  | { state: 'missing'; records: EvidenceRecord[]; error: string };

export class EvidenceView {
  private readonly byKeyTarget = new Map<string, EvidenceRecord[]>();
  private readonly byId = new Map<string, EvidenceRecord>();
  /** Pages of each logical call, indexed once: a lookup per finding must not scan the target's records (100k findings). */
  private readonly byCall = new Map<string, EvidenceRecord[]>();

  constructor(records: Iterable<EvidenceRecord>) {
    for (const r of records) {
      this.byId.set(r.id, r);
      const k = `${r.key}|${r.account}|${r.region}`;
      push(this.byKeyTarget, k, r);
      push(this.byCall, `${k}|${stableStringify(withoutPaging(r.input))}`, r);
    }
  }

  get(id: string): EvidenceRecord | undefined {
    return this.byId.get(id);
  }

  records(key: EvidenceKey, where: Target): EvidenceRecord[] {
    return this.byKeyTarget.get(`${key}|${where.account}|${where.region}`) ?? [];
  }

  /**
   * One logical call at a target: every page whose input (paging fields aside) equals `input`.
   * Any failed page makes the whole call an error: a partial list must not look complete.
   */
  call(key: EvidenceKey, where: Target, input: Record<string, unknown> = {}): CallState {
    const wanted = stableStringify(withoutPaging(input));
    const records = [...(this.byCall.get(`${key}|${where.account}|${where.region}|${wanted}`) ?? [])];
    if (records.length === 0) {
      return { state: 'missing', records, error: `no evidence for ${key} in ${where.account}/${where.region}${Object.keys(input).length ? ` (${wanted})` : ''}` };
    }
    const failed = records.find((r) => r.outcome === 'error');
    if (failed) return { state: 'error', records, error: `${key} failed in ${where.account}/${where.region}: ${failed.error?.name}: ${failed.error?.message}` };
    const notConfigured = records.find((r) => r.outcome === 'not_configured');
    if (notConfigured) return { state: 'not_configured', records, error: `${notConfigured.error?.name}: ${notConfigured.error?.message}` };
    return { state: 'ok', records, responses: records.map((r) => r.response) };
  }
}

/**
 * What a rule may read: only the evidence keys its control declares (`K`), each typed as the JSON
 * form of its SDK output. Properties, not methods, so that a context for fewer keys is not assignable
 * where more are needed.
 */
export interface EvidenceAccess<K extends KnownEvidenceKey> {
  readonly call: <Q extends K>(key: Q, where: Target, input?: Record<string, unknown>) => CallState<EvidenceResponse<Q>>;
  /** Every record of a key at a target, whatever its input (e.g. every ListBuckets page). */
  readonly records: (key: K, where: Target) => EvidenceRecord[];
}

/** The view seen through one rule's declared keys; reading another key throws (so the finding is unknown). */
export function restrictTo<K extends KnownEvidenceKey>(view: EvidenceView, declared: readonly K[], controlId: string): EvidenceAccess<K> {
  const allowed = new Set<string>(declared);
  const check = (key: string): void => {
    if (!allowed.has(key)) throw new Error(`rule "${controlId}" read ${key}, which it does not declare in its evidence`);
  };
  return {
    call: <Q extends K>(key: Q, where: Target, input?: Record<string, unknown>) => {
      check(key);
      return view.call(key, where, input) as CallState<EvidenceResponse<Q>>;
    },
    records: (key, where) => {
      check(key);
      return view.records(key, where);
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
