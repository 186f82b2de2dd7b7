import { customerKeyVerdict } from '../kms-key.ts';
import { eachCustomModel } from '../resources/bedrock.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'bedrock-custom-model-encrypted-with-kms-key',
  evaluate: (ctx) => eachCustomModel(ctx, (d) => customerKeyVerdict(d.modelKmsKeyArn, 'The custom model')),
};
