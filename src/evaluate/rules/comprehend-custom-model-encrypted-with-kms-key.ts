import { eachCustomModel } from '../resources/comprehend.ts';
import { allCustomerKeys, customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'comprehend-custom-model-encrypted-with-kms-key',
  evidence: ['comprehend.ListEntityRecognizers', 'comprehend.ListDocumentClassifiers', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachCustomModel(ctx, (m, at) =>
      allCustomerKeys([customerKeyVerdict(ctx, at, m.ModelKmsKeyId, 'The trained model'), customerKeyVerdict(ctx, at, m.VolumeKmsKeyId, 'The training volume')]),
    ),
});
