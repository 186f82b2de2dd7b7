import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachCustomModel } from '../resources/bedrock.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-custom-model-encrypted-with-kms-key',
  evidence: ['bedrock.ListCustomModels', 'bedrock.GetCustomModel', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachCustomModel(ctx, (d, at) => customerKeyVerdict(ctx, at, d.modelKmsKeyArn, 'The custom model')),
});
