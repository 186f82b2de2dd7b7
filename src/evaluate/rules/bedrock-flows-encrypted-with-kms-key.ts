import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachFlow } from '../resources/agentcore.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-flows-encrypted-with-kms-key',
  evidence: ['bedrock-agent.ListFlows', 'bedrock-agent.GetFlow', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachFlow(ctx, (f, at) => customerKeyVerdict(ctx, at, f.customerEncryptionKeyArn, `Flow ${f.name ?? f.id} (its definition and prompts)`)),
});
