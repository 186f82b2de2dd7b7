import { customerKeyVerdict } from '../kms-key.ts';
import { eachCustomModel } from '../resources/bedrock.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-custom-model-encrypted-with-kms-key',
  evidence: ['bedrock.ListCustomModels', 'bedrock.GetCustomModel'],
  evaluate: (ctx) => eachCustomModel(ctx, (d) => customerKeyVerdict(d.modelKmsKeyArn, 'The custom model')),
});
