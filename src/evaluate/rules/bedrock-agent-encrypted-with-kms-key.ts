import { customerKeyVerdict } from '../kms-key.ts';
import { eachAgent } from '../resources/bedrock.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'bedrock-agent-encrypted-with-kms-key',
  evaluate: (ctx) => eachAgent(ctx, (a) => customerKeyVerdict(a.customerEncryptionKeyArn, 'The agent (instructions and session data)')),
};
