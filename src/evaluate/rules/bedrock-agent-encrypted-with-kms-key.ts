import { customerKeyVerdict } from '../kms-key.ts';
import { eachAgent } from '../resources/bedrock.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agent-encrypted-with-kms-key',
  evidence: ['bedrock-agent.ListAgents', 'bedrock-agent.GetAgent'],
  evaluate: (ctx) => eachAgent(ctx, (a) => customerKeyVerdict(a.customerEncryptionKeyArn, 'The agent (instructions and session data)')),
});
