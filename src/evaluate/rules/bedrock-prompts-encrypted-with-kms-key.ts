import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachPrompt } from '../resources/agentcore.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-prompts-encrypted-with-kms-key',
  evidence: ['bedrock-agent.ListPrompts', 'bedrock-agent.GetPrompt', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachPrompt(ctx, (p, at) => customerKeyVerdict(ctx, at, p.customerEncryptionKeyArn, `Prompt ${p.name ?? p.id} (its templates and variants)`)),
});
