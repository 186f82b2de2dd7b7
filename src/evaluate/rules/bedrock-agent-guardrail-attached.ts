import { eachAgent } from '../resources/bedrock.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agent-guardrail-attached',
  evidence: ['bedrock-agent.ListAgents', 'bedrock-agent.GetAgent'],
  evaluate: (ctx) =>
    eachAgent(ctx, (a) =>
      a.guardrailConfiguration?.guardrailIdentifier
        ? pass(`The agent applies guardrail ${a.guardrailConfiguration.guardrailIdentifier} version ${a.guardrailConfiguration.guardrailVersion ?? 'DRAFT'}.`)
        : fail('The agent has no guardrail: its inputs and model outputs are not filtered.'),
    ),
});
