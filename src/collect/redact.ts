// Removes secrets that AWS returns inside configuration before any evidence is stored.
// By key: environment maps (SageMaker models, training, processing and transform jobs, Lambda-style
// Environment.Variables, ECS container lists, AgentCore runtime environmentVariables), notebook and Studio lifecycle scripts, and any value whose key is named like a
// password, secret or token. By value, anywhere: credentials in connection strings (postgres://u:p@h),
// bearer tokens, JWTs, private keys, AWS access key ids and secret keys, API keys of known shapes
// (Hugging Face hf_, OpenAI-style sk-, GitHub, Slack, Google); and in command lines (SageMaker
// ContainerArguments / ContainerEntrypoint) the value after a flag named like a secret.
// Each secret becomes "[redacted hmac-sha256:<hex>]", an HMAC under a per-installation key kept outside
// packages (redaction-key.ts): a changed value is still visible between runs of one installation, and
// a short secret cannot be guessed from a package by hashing candidates. Redaction is idempotent.
import { createHmac } from 'node:crypto';
import type { ResponseFilter } from './evidence-middleware.ts';

export type Redactor = (value: string) => string;

/** A redacted value (this format, or the unkeyed sha256 of earlier versions, so old snapshots replay unchanged). */
const REDACTED = /^\[redacted (hmac-sha256|sha256):[0-9a-f]{64}\]$/;
const MARKER = /\[redacted (?:hmac-sha256|sha256):[0-9a-f]{64}\]/;

/** Keys whose value is a map of environment variables (or Lambda's { Variables: map }). */
const ENVIRONMENT_KEYS = new Set(['Environment', 'environment', 'EnvironmentVariables', 'environmentVariables']);
/** Notebook lifecycle configurations: OnCreate/OnStart lists of { Content: base64 script }. */
const LIFECYCLE_HOOK_KEYS = new Set(['OnCreate', 'OnStart']);
/** Keys whose value is a script that may embed secrets. */
const SCRIPT_KEYS = new Set(['StudioLifecycleConfigContent']);
/** Keys whose value is a command line (list of words): a word after a secret-named flag is a secret. */
const COMMAND_LINE_KEYS = new Set(['ContainerArguments', 'ContainerEntrypoint', 'Arguments', 'Entrypoint', 'Command']);
/** AWS fields where a key-id shape is the identifier itself (ListAccessKeys), not a leaked credential. */
const IDENTIFIER_KEYS = new Set(['AccessKeyId']);

// Named like a secret; pagination and idempotency tokens are not secrets, and replay needs them intact.
const SECRETISH = /(password|passwd|passphrase|secret|private[-_]?key|api[-_]?key|credential|(session|auth|access|bearer|refresh|api|security|hf|hub|github|gh)[-_]?token|^token$)/i;
const NOT_A_SECRET = /(Arn|Arns|Id|Ids|Name|Names|Type|Types|Status|Enabled|Policy|Policies|Configuration|Config|Count|Date|Time|Used|Length|Age|Required|Rotation\w*|Location|Prefix)$/;
const PAGINATION = /^(Next|Continuation|Client|Pagination|Starting)?Token$|Marker$/;
const SECRET_FLAG = /^--?[\w.-]*(password|passwd|secret|token|api[-_]?key|credential|private[-_]?key)[\w.-]*$/i;

/** Random-looking: upper and lower case letters and a digit (keeps ordinary names like sk-learn-job out). */
const mixed = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);

/**
 * Secret shapes inside any text. With `inContext`, the pattern captures (text before)(secret)(text after)?
 * and only the secret is replaced; otherwise the whole match is the secret.
 */
const SECRET_SHAPES: { re: RegExp; inContext?: true; keyId?: true; check?: (s: string) => boolean }[] = [
  // scheme://user:password@host: only the password.
  { re: /([a-z][a-z0-9+.-]*:\/\/[^\s:/@[\]]+:)((?!\[redacted )[^\s@/]+)(@)/gi, inContext: true },
  { re: /(\bBearer\s+)([A-Za-z0-9._~+/-]{8,}=*)/g, inContext: true },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, keyId: true },
  { re: /((?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, inContext: true },
  { re: /\bhf_[A-Za-z0-9]{30,}\b/g, check: mixed },
  { re: /\bsk-(?:[a-z]+-)?[A-Za-z0-9_-]{32,}/g, check: mixed },
  { re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})\b/g },
  { re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
];

/**
 * Text every shape above needs somewhere in its match (case-insensitive, so a superset): a string without
 * any of these has no secret of a known shape, and skips the eleven replacements (most values are names,
 * ids and ARNs; this was most of the CPU redaction took per call).
 */
const SHAPE_TRIGGER = /:\/\/|bearer|-----begin|eyj|a[ksb]ia|acca|secret|hf_|sk-|gh[pousr]_|github_pat_|xox[abprs]-|aiza/i;

export function isRedacted(value: string): boolean {
  return REDACTED.test(value);
}

function isSecretKey(key: string): boolean {
  return SECRETISH.test(key) && !NOT_A_SECRET.test(key) && !PAGINATION.test(key);
}

/** The redaction of a whole value under `key` (an HMAC-SHA256 of it). */
export function hmacRedactor(key: Uint8Array): Redactor {
  return (value) => (REDACTED.test(value) ? value : `[redacted hmac-sha256:${createHmac('sha256', key).update(value, 'utf8').digest('hex')}]`);
}

/** Text with every secret of a known shape replaced by its redaction; the rest stays readable. */
function redactShapes(text: string, redact: Redactor, keepKeyIds: boolean): string {
  if (!SHAPE_TRIGGER.test(text)) return text;
  let out = text;
  for (const { re, inContext, keyId, check } of SECRET_SHAPES) {
    if (keepKeyIds && keyId) continue;
    out = out.replace(re, (match: string, ...groups: unknown[]) => {
      const secret = inContext ? (groups[1] as string) : match;
      if (MARKER.test(secret) || (check && !check(secret))) return match;
      if (!inContext) return redact(secret);
      return `${groups[0] as string}${redact(secret)}${typeof groups[2] === 'string' ? groups[2] : ''}`;
    });
  }
  return out;
}

function redactCommandLine(words: unknown, redact: Redactor, walk: (v: unknown) => unknown): unknown {
  if (!Array.isArray(words)) return walk(words);
  return words.map((w, i) => {
    if (typeof w !== 'string') return walk(w);
    const prev = words[i - 1];
    if (typeof prev === 'string' && SECRET_FLAG.test(prev)) return redact(w);
    const eq = w.indexOf('=');
    if (eq > 0 && SECRET_FLAG.test(w.slice(0, eq))) return `${w.slice(0, eq + 1)}${redact(w.slice(eq + 1))}`;
    return walk(w);
  });
}

function redactEnvironment(env: unknown, redact: Redactor, walk: (v: unknown) => unknown): unknown {
  if (Array.isArray(env)) {
    // ECS-style [{ name, value }] lists.
    return env.map((e) => {
      if (!e || typeof e !== 'object') return e;
      const out: Record<string, unknown> = { ...(e as Record<string, unknown>) };
      for (const k of ['value', 'Value']) if (typeof out[k] === 'string') out[k] = redact(out[k] as string);
      return out;
    });
  }
  if (!env || typeof env !== 'object') return env;
  const map = env as Record<string, unknown>;
  if (map.Variables && typeof map.Variables === 'object') return { ...(walk(map) as Record<string, unknown>), Variables: redactEnvironment(map.Variables, redact, walk) };
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : walk(v)]));
}

/**
 * A deep copy of a value with every secret redacted by `redact`. The walker is made once per redactor
 * (not a closure per node: this runs over every response of a run).
 */
export function deepRedactor(redact: Redactor): (value: unknown, parentKey?: string) => unknown {
  const walk = (value: unknown, parentKey = ''): unknown => {
    if (typeof value === 'string') return redactShapes(value, redact, IDENTIFIER_KEYS.has(parentKey));
    if (Array.isArray(value)) return value.map((v) => walk(v, parentKey));
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (ENVIRONMENT_KEYS.has(k)) out[k] = redactEnvironment(v, redact, walk);
      else if (LIFECYCLE_HOOK_KEYS.has(k)) out[k] = Array.isArray(v) ? v.map((h) => (h && typeof h === 'object' && typeof (h as { Content?: unknown }).Content === 'string' ? { ...(h as object), Content: redact((h as { Content: string }).Content) } : walk(h))) : walk(v);
      else if (COMMAND_LINE_KEYS.has(k)) out[k] = redactCommandLine(v, redact, walk);
      else if (typeof v === 'string' && (SCRIPT_KEYS.has(k) || isSecretKey(k))) out[k] = redact(v);
      else out[k] = walk(v, k);
    }
    return out;
  };
  return walk;
}

/** The factory's ResponseFilter under an installation's key: applied to every stored response, whatever the source. */
export function secretRedaction(key: Uint8Array): ResponseFilter {
  const redactAll = deepRedactor(hmacRedactor(key));
  return (_key, response) => redactAll(response);
}
