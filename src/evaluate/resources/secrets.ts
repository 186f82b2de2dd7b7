// How Secrets Manager secrets appear in evidence: ListSecrets carries the key and rotation settings.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import type { RuleContext } from '../rule.ts';
import { required, type Verdict } from '../rule-helpers.ts';
import { eachListedItem } from './listed-verdicts.ts';

export type Secret = NonNullable<EvidenceResponse<'secrets-manager.ListSecrets'>['SecretList']>[number];

export function eachSecret(ctx: RuleContext<'secrets-manager.ListSecrets'>, judge: (s: Secret, at: Target) => Verdict): Finding[] {
  return eachListedItem(
    ctx,
    { key: 'secrets-manager.ListSecrets', scope: 'regional', items: (r) => r.SecretList, noun: 'Secrets Manager secrets', resource: (s) => ({ type: 'AWS::SecretsManager::Secret', id: required(s, 'Name', 'A secret'), arn: s.ARN }) },
    judge,
  );
}
