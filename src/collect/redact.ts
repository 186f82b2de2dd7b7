// Removes secrets that AWS returns inside configuration before any evidence is stored: environment
// maps (SageMaker models, training, processing and transform jobs, Lambda-style Environment.Variables),
// notebook lifecycle scripts, and any value whose key is named like a password, secret or token.
// Key names stay, and each value becomes "[redacted sha256:<hex>]": evidence still shows that a
// setting exists and whether it changed between runs, never the secret itself.
import { createHash } from 'node:crypto';
import type { ResponseFilter } from './evidence-middleware.ts';

const REDACTED = /^\[redacted sha256:[0-9a-f]{64}\]$/;

/** Keys whose value is a map of environment variables (or Lambda's { Variables: map }). */
const ENVIRONMENT_KEYS = new Set(['Environment', 'environment', 'EnvironmentVariables']);

/** Notebook lifecycle configurations: OnCreate/OnStart lists of { Content: base64 script }. */
const LIFECYCLE_HOOK_KEYS = new Set(['OnCreate', 'OnStart']);
/** Keys whose value is a script that may embed secrets. */
const SCRIPT_KEYS = new Set(['StudioLifecycleConfigContent']);

// Named like a secret; pagination and idempotency tokens are not secrets, and replay needs them intact.
const SECRETISH = /(password|passwd|passphrase|secret|private[-_]?key|api[-_]?key|credential|(session|auth|access|bearer|refresh|api|security)[-_]?token|^token$)/i;
const NOT_A_SECRET = /(Arn|Arns|Id|Ids|Name|Names|Type|Types|Status|Enabled|Policy|Policies|Configuration|Config|Count|Date|Time|Used|Length|Age|Required|Rotation\w*|Location|Prefix)$/;
const PAGINATION = /^(Next|Continuation|Client|Pagination|Starting)?Token$|Marker$/;

export function redactValue(value: string): string {
  if (REDACTED.test(value)) return value;
  return `[redacted sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}]`;
}

function isSecretKey(key: string): boolean {
  return SECRETISH.test(key) && !NOT_A_SECRET.test(key) && !PAGINATION.test(key);
}

function redactLifecycleHooks(hooks: unknown): unknown {
  if (!Array.isArray(hooks)) return redactDeep(hooks);
  return hooks.map((h) => (h && typeof h === 'object' && typeof (h as { Content?: unknown }).Content === 'string' ? { ...(h as object), Content: redactValue((h as { Content: string }).Content) } : redactDeep(h)));
}

function redactEnvironment(env: unknown): unknown {
  if (Array.isArray(env)) {
    // ECS-style [{ name, value }] lists.
    return env.map((e) => {
      if (!e || typeof e !== 'object') return e;
      const out: Record<string, unknown> = { ...(e as Record<string, unknown>) };
      for (const k of ['value', 'Value']) if (typeof out[k] === 'string') out[k] = redactValue(out[k] as string);
      return out;
    });
  }
  if (!env || typeof env !== 'object') return env;
  const map = env as Record<string, unknown>;
  if (map.Variables && typeof map.Variables === 'object') return { ...(redactDeep(map) as Record<string, unknown>), Variables: redactEnvironment(map.Variables) };
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? redactValue(v) : redactDeep(v)]));
}

export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (ENVIRONMENT_KEYS.has(k)) out[k] = redactEnvironment(v);
    else if (LIFECYCLE_HOOK_KEYS.has(k)) out[k] = redactLifecycleHooks(v);
    else if (typeof v === 'string' && (SCRIPT_KEYS.has(k) || isSecretKey(k))) out[k] = redactValue(v);
    else out[k] = redactDeep(v);
  }
  return out;
}

/** The factory's ResponseFilter: applied to every stored response, whatever the source (idempotent on replay). */
export const redactSecrets: ResponseFilter = (_key, response) => redactDeep(response);
