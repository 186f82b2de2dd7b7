import { blocks, eachGuardrail, type GuardrailFilter } from '../resources/bedrock.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-guardrail-prompt-attack-filter-high',
  evidence: ['bedrock.ListGuardrails', 'bedrock.GetGuardrail'],
  evaluate: (ctx) =>
    eachGuardrail(ctx, (d) => {
      const f = (d.contentPolicy?.filters ?? []).find((x: GuardrailFilter) => x.type === 'PROMPT_ATTACK') as GuardrailFilter | undefined;
      if (!f) return fail('The guardrail has no prompt-attack filter: jailbreak and prompt-injection attempts are not blocked.');
      if (!blocks(f, 'input')) return fail(`The prompt-attack filter does not block inputs (strength ${f.inputStrength ?? 'NONE'}, action ${f.inputAction ?? 'BLOCK'}).`);
      return f.inputStrength === 'HIGH' ? pass('The prompt-attack filter blocks inputs at HIGH strength.') : fail(`The prompt-attack filter's input strength is ${f.inputStrength}, not HIGH.`);
    }),
});
