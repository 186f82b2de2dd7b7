// A secret without KmsKeyId is encrypted with the AWS managed aws/secretsmanager key.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachSecret } from '../resources/secrets.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'secrets-manager-secrets-encrypted-with-customer-key',
  evidence: ['secrets-manager.ListSecrets', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachSecret(ctx, (s, at) => customerKeyVerdict(ctx, at, s.KmsKeyId, 'The secret')),
});
