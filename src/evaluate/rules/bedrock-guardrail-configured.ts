import { accountResource, listAt, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-guardrail-configured',
  evidence: ['bedrock.ListGuardrails'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((at) => {
      const list = listAt(ctx, 'bedrock.ListGuardrails', at, (r) => r.guardrails);
      if (!list.ok) return ctx.finding('unknown', at, accountResource(at), `Could not list Bedrock guardrails: ${list.error}`, list.records);
      const ready = list.items.filter((g) => g.status === 'READY');
      return ready.length
        ? ctx.finding('pass', at, accountResource(at), `Guardrails ready for use: ${ready.map((g) => g.name).join(', ')}.`, list.records)
        : ctx.finding('fail', at, accountResource(at), list.items.length ? `No guardrail is READY (${list.items.map((g) => `${g.name}: ${g.status}`).join(', ')}).` : 'No Bedrock guardrail exists in this region: model inputs and outputs cannot be filtered.', list.records);
    }),
});
