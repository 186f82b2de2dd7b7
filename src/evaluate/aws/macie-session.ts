// Macie answers every call with AccessDeniedException "Macie is not enabled." when it is off in a
// region. Only that exact message is read as "not enabled" (a fail); any other AccessDenied is a real
// permission problem and stays unknown. The error name alone cannot be listed in not-configured.ts
// because it would turn genuine permission errors into fails.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { CallState } from '../evidence-view.ts';
import type { RuleContext } from '../rule.ts';

const NOT_ENABLED = /\bMacie is not enabled\b/i;

export type MacieSession = { state: 'enabled' | 'paused'; call: CallState; response: EvidenceResponse<'macie2.GetMacieSession'> } | { state: 'not_enabled'; call: CallState } | { state: 'unknown'; call: CallState; error: string };

export function macieSession(ctx: RuleContext<'macie2.GetMacieSession'>, where: Target): MacieSession {
  const call = ctx.evidence.call('macie2.GetMacieSession', where);
  if (call.state === 'ok') return { state: call.responses[0]!.status === 'ENABLED' ? 'enabled' : 'paused', call, response: call.responses[0]! };
  const failed = call.records.find((r) => r.outcome === 'error');
  if (failed?.error?.name === 'AccessDeniedException' && NOT_ENABLED.test(failed.error.message)) return { state: 'not_enabled', call };
  return { state: 'unknown', call, error: call.error };
}
