// Secrets Manager in the sample account. eu-west-1: the feature store's database credentials (ML key,
// rotated every 30 days) and the RDS-managed master password of the feature store cluster (RDS rotates it;
// AWS managed key); a Hugging Face token kept by hand (AWS managed key, never rotated). us-east-1: none.
import type { ListSecretsCommandOutput, SecretListEntry } from '@aws-sdk/client-secrets-manager';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS } from './account.ts';

const EU = 'eu-west-1';

const secret = (name: string, suffix: string, extra: Partial<SecretListEntry>): SecretListEntry => ({
  ARN: arn('secretsmanager', EU, `secret:${name}-${suffix}`),
  Name: name,
  CreatedDate: daysBefore(400),
  LastChangedDate: daysBefore(20),
  LastAccessedDate: daysBefore(1),
  SecretVersionsToStages: { [`${suffix}-0000-4000-8000-000000000001`]: ['AWSCURRENT'] },
  ...extra,
});

const SECRETS: SecretListEntry[] = [
  secret('acme/feature-store/app-user', 'Qm3x9A', {
    Description: 'Application credentials of the clinical feature store',
    KmsKeyId: keyArn(KEYS.mlData.region, KEYS.mlData.id),
    RotationEnabled: true,
    RotationLambdaARN: arn('lambda', EU, 'function:acme-rds-postgres-rotation'),
    RotationRules: { AutomaticallyAfterDays: 30 },
    LastRotatedDate: daysBefore(20),
    NextRotationDate: daysBefore(-10),
  }),
  secret('rds!cluster-5e8f2a1b-acme-clinical-features', 'Xy7k2P', {
    Description: 'The secret associated with the primary RDS DB cluster: acme-clinical-features',
    OwningService: 'rds',
    RotationEnabled: true,
    RotationRules: { AutomaticallyAfterDays: 7 },
    LastRotatedDate: daysBefore(3),
    NextRotationDate: daysBefore(-4),
  }),
  secret('acme/huggingface/hub-token', 'Lp4t8W', { Description: 'Hugging Face Hub token for model downloads', LastChangedDate: daysBefore(380) }),
];

export function register(sim: SimulatedAws): void {
  sim.on<ListSecretsCommandOutput>('secrets-manager.ListSecrets', (_input, t) => ({ SecretList: t.region === EU ? SECRETS : [] }));
}
