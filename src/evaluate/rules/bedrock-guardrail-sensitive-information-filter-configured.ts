import { eachGuardrail } from '../resources/bedrock.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

/** What a PII entity and a regex filter share. */
interface OutputSide { action?: string; outputAction?: string; outputEnabled?: boolean }

/** Output is where disclosure happens: an entity counts when its output side blocks or masks. */
function masksOutput(e: OutputSide): boolean {
  const action = e.outputAction ?? e.action;
  return e.outputEnabled !== false && (action === 'BLOCK' || action === 'ANONYMIZE');
}

export const rule = defineRule({
  controlId: 'bedrock-guardrail-sensitive-information-filter-configured',
  evidence: ['bedrock.ListGuardrails', 'bedrock.GetGuardrail'],
  evaluate: (ctx) =>
    eachGuardrail(ctx, (d) => {
      const entities = d.sensitiveInformationPolicy?.piiEntities ?? [];
      const regexes = d.sensitiveInformationPolicy?.regexes ?? [];
      const masked = [...entities.filter(masksOutput).map((e) => `${e.type} (${e.outputAction ?? e.action})`), ...regexes.filter(masksOutput).map((r) => `regex ${r.name}`)];
      return masked.length
        ? pass(`Sensitive information in model outputs is blocked or masked: ${masked.join(', ')}.`)
        : fail(entities.length || regexes.length ? 'The sensitive-information filters only detect (action NONE or output disabled): personal data in responses is neither blocked nor masked.' : 'The guardrail has no sensitive-information (PII) filters: personal data in model responses is neither blocked nor masked.');
    }),
});
