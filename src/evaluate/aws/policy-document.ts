// IAM / KMS / S3 policy documents, normalised so rules can ask simple questions ("does this statement
// allow bedrock:InvokeModel on every resource?") without re-parsing JSON shapes each time.
// IAM returns documents URL-encoded; KMS and S3 return plain JSON; stored evidence may hold either.

export interface Statement {
  effect: 'Allow' | 'Deny';
  /** Action patterns, or NotAction patterns when `notAction` is true. */
  actions: string[];
  notAction: boolean;
  resources: string[];
  notResource: boolean;
  /** Principal as written: "*" or { AWS | Service | Federated: string | string[] }. */
  principal?: unknown;
  /** Condition block: operator -> key -> value(s). */
  condition: Record<string, Record<string, unknown>>;
  sid?: string;
}

export class PolicyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyParseError';
  }
}

const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Parses a policy document from its object, JSON or URL-encoded JSON form. Throws PolicyParseError. */
export function parsePolicy(raw: unknown): Statement[] {
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    doc = tryJson(raw) ?? tryJson(safeDecode(raw));
    if (doc === undefined) throw new PolicyParseError('policy document is neither JSON nor URL-encoded JSON');
  }
  if (!doc || typeof doc !== 'object') throw new PolicyParseError('policy document is not an object');
  const stmts = (doc as { Statement?: unknown }).Statement;
  return (Array.isArray(stmts) ? stmts : stmts ? [stmts] : []).map((s) => ({
    effect: s.Effect === 'Allow' ? 'Allow' : 'Deny',
    actions: asList(s.Action ?? s.NotAction),
    notAction: s.Action === undefined && s.NotAction !== undefined,
    resources: asList(s.Resource ?? s.NotResource),
    notResource: s.Resource === undefined && s.NotResource !== undefined,
    principal: s.Principal ?? s.NotPrincipal,
    condition: (s.Condition ?? {}) as Record<string, Record<string, unknown>>,
    sid: s.Sid,
  }));
}

function tryJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** IAM wildcard match ("*" any run, "?" one character), case-insensitive as IAM matches actions. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(value);
}

/** True when the statement's Action (or NotAction) covers `action`. */
export function coversAction(s: Statement, action: string): boolean {
  const listed = s.actions.some((p) => wildcardMatch(p, action));
  return s.notAction ? !listed : listed;
}

/** True when the statement applies to every resource ("*" or NotResource). */
export function onAllResources(s: Statement): boolean {
  return s.notResource || s.resources.includes('*');
}

/** Full administrator: Allow of every action on every resource. */
export function isFullAdmin(s: Statement): boolean {
  return s.effect === 'Allow' && onAllResources(s) && (s.notAction ? s.actions.length === 0 : s.actions.some((a) => a === '*' || a === '*:*'));
}

/** Wildcard permission: full admin, a whole service ("s3:*") on every resource, or NotAction on every resource. */
export function isWildcardGrant(s: Statement): boolean {
  if (s.effect !== 'Allow' || !onAllResources(s)) return false;
  return isFullAdmin(s) || s.notAction || s.actions.some((a) => /^[\w-]+:\*$/.test(a));
}

/** Condition keys used by a statement, lower-cased (operators aside), e.g. "aws:sourceip". */
export function conditionKeys(s: Statement): Set<string> {
  return new Set(Object.values(s.condition).flatMap((block) => Object.keys(block ?? {}).map((k) => k.toLowerCase())));
}

/** Values for a condition key under a given operator family (e.g. "Bool", "StringEquals"), any IfExists/ForAnyValue form. */
export function conditionValues(s: Statement, operatorFamily: string, key: string): string[] {
  const out: string[] = [];
  for (const [op, block] of Object.entries(s.condition)) {
    const base = op.replace(/^For(Any|All)Value:/, '').replace(/IfExists$/, '');
    if (base.toLowerCase() !== operatorFamily.toLowerCase()) continue;
    for (const [k, v] of Object.entries(block ?? {})) if (k.toLowerCase() === key.toLowerCase()) out.push(...asList(v));
  }
  return out;
}

/** Principals named in a statement, by kind ("AWS", "Service", "Federated", "*" for the bare wildcard). */
export function principals(s: Statement, kind: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'): string[] {
  if (s.principal === '*') return kind === 'AWS' ? ['*'] : [];
  if (!s.principal || typeof s.principal !== 'object') return [];
  return asList((s.principal as Record<string, unknown>)[kind]);
}

/** The AWS account a principal belongs to ("*" for the wildcard), from an ARN or a bare account id. */
export function principalAccount(principal: string): string {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return principal;
  const m = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}|\*):/.exec(principal);
  return m ? m[1]! : '*';
}
