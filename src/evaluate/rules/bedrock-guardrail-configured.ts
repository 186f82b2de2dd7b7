import { accountResource, listAt, targets, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-guardrail-configured',
  evidence: ['bedrock.ListGuardrails'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((at) =>
      whenListed(ctx, at, accountResource(at), 'Bedrock guardrails', listAt(ctx, 'bedrock.ListGuardrails', at, (r) => r.guardrails), (items, records) => {
      const ready = items.filter((g) => g.status === 'READY');
      return ready.length
        ? ctx.finding('pass', at, accountResource(at), `Guardrails ready for use: ${ready.map((g) => g.name).join(', ')}.`, records)
        : ctx.finding('fail', at, accountResource(at), items.length ? `No guardrail is READY (${items.map((g) => `${g.name}: ${g.status}`).join(', ')}).` : 'No Bedrock guardrail exists in this region: model inputs and outputs cannot be filtered.', records);
      }),
    ),
});
