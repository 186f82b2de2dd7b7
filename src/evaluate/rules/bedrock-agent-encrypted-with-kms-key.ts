import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachAgent } from '../resources/bedrock.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agent-encrypted-with-kms-key',
  evidence: ['bedrock-agent.ListAgents', 'bedrock-agent.GetAgent', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachAgent(ctx, (a, at) => customerKeyVerdict(ctx, at, a.customerEncryptionKeyArn, 'The agent (instructions and session data)')),
});
