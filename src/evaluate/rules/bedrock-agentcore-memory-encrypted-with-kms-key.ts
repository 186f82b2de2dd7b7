import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachMemory } from '../resources/agentcore.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-agentcore-memory-encrypted-with-kms-key',
  evidence: ['bedrock-agentcore-control.ListMemories', 'bedrock-agentcore-control.GetMemory', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachMemory(ctx, (m, at) => customerKeyVerdict(ctx, at, m.encryptionKeyArn, `AgentCore memory ${m.name ?? m.id} (conversation events and extracted memories)`)),
});
