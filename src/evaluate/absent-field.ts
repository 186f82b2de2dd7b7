// Fail closed on absent fields: a rule reads a field it judges with `required(obj, 'Field')`, which
// throws AbsentField when the evidence lacks it; the shared helpers turn that into an `unknown`
// finding naming the field, so a stripped or truncated response can never read as a pass.

export class AbsentField extends Error {
  constructor(readonly field: string, what: string) {
    super(`${what} lacks ${field}, so it cannot be judged.`);
    this.name = 'AbsentField';
  }
}

/** `obj[field]`, or AbsentField when it (or obj) is missing. `what` names the thing in the reason. */
export function required<T extends object, F extends keyof T & string>(obj: T | null | undefined, field: F, what = 'The evidence'): NonNullable<T[F]> {
  const value = obj?.[field];
  if (value === undefined || value === null) throw new AbsentField(field, what);
  return value as NonNullable<T[F]>;
}

/** `value`, or AbsentField naming `field` when it is missing (for values computed from a path). */
export function present<V>(value: V | null | undefined, field: string, what = 'The evidence'): V {
  if (value === undefined || value === null) throw new AbsentField(field, what);
  return value;
}

/**
 * One answer from every page of a call: arrays concatenated, other fields from the first page that
 * has them. A single page is returned as is.
 */
export function mergePages<R>(pages: readonly R[]): R {
  if (pages.length === 1) return pages[0]!;
  const merged: Record<string, unknown> = {};
  for (const page of pages) {
    if (page === null || typeof page !== 'object') continue;
    for (const [k, v] of Object.entries(page)) {
      const prev = merged[k];
      if (Array.isArray(prev) && Array.isArray(v)) merged[k] = [...prev, ...v];
      else if (prev === undefined) merged[k] = v;
    }
  }
  return merged as R;
}
