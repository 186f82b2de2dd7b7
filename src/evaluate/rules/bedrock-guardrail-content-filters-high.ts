import { blocks, eachGuardrail, type GuardrailFilter } from '../resources/bedrock.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const HARMFUL = ['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'] as const;

export const rule = defineRule({
  controlId: 'bedrock-guardrail-content-filters-high',
  evidence: ['bedrock.ListGuardrails', 'bedrock.GetGuardrail'],
  evaluate: (ctx) =>
    eachGuardrail(ctx, (d) => {
      const filters: GuardrailFilter[] = d.contentPolicy?.filters ?? [];
      const gaps = HARMFUL.flatMap((type) => {
        const f = filters.find((x) => x.type === type);
        if (!f) return [`${type} not filtered`];
        const problems = [];
        if (!blocks(f, 'input') || f.inputStrength !== 'HIGH') problems.push(`input ${f.inputAction === 'NONE' ? 'detect-only' : (f.inputStrength ?? 'NONE')}`);
        if (!blocks(f, 'output')) problems.push(`output ${f.outputAction === 'NONE' ? 'detect-only' : (f.outputStrength ?? 'NONE')}`);
        return problems.length ? [`${type}: ${problems.join(', ')}`] : [];
      });
      return gaps.length
        ? fail(`Content filters are weaker than required (input HIGH and blocking outputs for ${HARMFUL.join(', ')}): ${gaps.join('; ')}.`)
        : pass(`All harmful-content categories (${HARMFUL.join(', ')}) block inputs at HIGH strength and filter outputs.`);
    }),
});
