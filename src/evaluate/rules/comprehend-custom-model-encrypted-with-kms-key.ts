import { eachCustomModel } from '../resources/comprehend.ts';
import { customerKeyVerdict } from '../kms-key.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'comprehend-custom-model-encrypted-with-kms-key',
  evidence: ['comprehend.ListEntityRecognizers', 'comprehend.ListDocumentClassifiers'],
  evaluate: (ctx) =>
    eachCustomModel(ctx, (m) => {
      const model = customerKeyVerdict(m.ModelKmsKeyId, 'The trained model');
      const volume = customerKeyVerdict(m.VolumeKmsKeyId, 'The training volume');
      const reason = `${model.reason} ${volume.reason}`;
      return model.status === 'pass' && volume.status === 'pass' ? pass(reason) : fail(reason);
    }),
});
