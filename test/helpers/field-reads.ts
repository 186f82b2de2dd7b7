// Which fields of which evidence records a rule reads, and for which finding: each ok record's response
// is wrapped in a Proxy that logs every property read, and the reads made since the previous finding are
// attributed to the next finding the rule creates (rules read what they judge, then say so).
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import type { Scope } from '../../src/collect/target.ts';
import type { Control } from '../../src/catalog/catalog-schema.ts';
import { EvidenceView, restrictTo } from '../../src/evaluate/evidence-view.ts';
import type { Finding } from '../../src/evaluate/finding.ts';
import { makeFinding, type Rule, type RuleParameters } from '../../src/evaluate/rule.ts';

/** A field of one record, as the path of property names from the response's root (array indices included). */
export interface FieldRead {
  record: string;
  path: string[];
}

const isIndex = (key: string) => /^\d+$/.test(key);

function traced(value: unknown, record: string, path: string[], log: FieldRead[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      // Array methods and `length` are how a list is walked, not fields of the evidence.
      if (typeof key === 'symbol' || (Array.isArray(target) && !isIndex(key))) return v;
      if (!Object.prototype.hasOwnProperty.call(target, key)) return v;
      const at = [...path, key];
      log.push({ record, path: at });
      return traced(v, record, at, log);
    },
  });
}

export interface TracedFinding {
  finding: Finding;
  reads: FieldRead[];
}

/**
 * Runs one rule over the records, as the engine does (only its declared keys, worst finding per id),
 * and returns each finding with the fields read for it.
 */
export function evaluateTraced(rule: Rule, control: Control, records: readonly EvidenceRecord[], scope: Scope, params: RuleParameters): Map<string, TracedFinding> {
  const log: FieldRead[] = [];
  const wrapped = records.map((r) => (r.outcome === 'ok' ? { ...r, response: traced(r.response, r.id, [], log) } : r));
  const out = new Map<string, TracedFinding>();
  const rank = { fail: 3, unknown: 2, pass: 1, not_applicable: 0 } as const;
  const view = new EvidenceView(wrapped);
  let findings: Finding[];
  try {
    findings = rule.evaluate({
      control,
      scope,
      params,
      evidence: restrictTo(view, rule.evidence, rule.controlId),
      finding: (status, where, resource, reason, recs) => {
        const f = makeFinding(rule.controlId, status, where, resource, reason, recs);
        const prev = out.get(f.id);
        const reads = [...(prev?.reads ?? []), ...log.splice(0)];
        out.set(f.id, { finding: prev && rank[prev.finding.status] >= rank[f.status] ? prev.finding : f, reads });
        return f;
      },
    });
  } catch (err) {
    // The engine turns a throwing rule into `unknown` findings: nothing passes.
    return new Map([['(rule threw)', { finding: makeFinding(rule.controlId, 'unknown', { account: '*', region: '*' }, { type: 'AWS::::Account', id: '*' }, String(err), []), reads: [] }]]);
  }
  // Keep only what the rule returned (a rule may create a finding and drop it).
  const returned = new Set(findings.map((f) => f.id));
  for (const id of [...out.keys()]) if (!returned.has(id)) out.delete(id);
  return out;
}

const REMOVE = Symbol('remove');

/** A deep copy of `value` with the property at `path` replaced by `replacement` (or removed). */
export function replaced(value: unknown, path: readonly string[], replacement: unknown = REMOVE): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? replaced(v, rest, replacement) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length > 0) copy[head!] = replaced(copy[head!], rest, replacement);
  else if (replacement === REMOVE) delete copy[head!];
  else copy[head!] = replacement;
  return copy;
}

/** The property at `path`. */
export function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** Every string value each property name has anywhere in `responses` (e.g. the values of an enum). */
export function valuesByName(responses: readonly unknown[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && x.length <= 64) out.set(k, (out.get(k) ?? new Set()).add(x));
      else walk(x);
    }
  };
  responses.forEach(walk);
  return out;
}

/**
 * Other values of the same JSON type, to see whether a verdict depends on a field's value: for strings,
 * every value the same property has elsewhere (`seen`), so comparisons with an enum's values show.
 */
export function otherValues(value: unknown, seen: ReadonlySet<string> = new Set()): unknown[] {
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'number') return [0, -1, value * 1000 + 1_000_000];
  if (typeof value === 'string') return [...new Set(['', 'PERTURBED', '2000-01-01T00:00:00.000Z', ...seen])].filter((v) => v !== value);
  if (Array.isArray(value)) return value.length ? [[]] : [];
  if (value !== null && typeof value === 'object') return [{}];
  return [];
}

export { isIndex };
