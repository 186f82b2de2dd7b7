// Amazon ECR in the sample account. eu-west-1: enhanced scanning for ml-* repositories; the inference
// server image repository is immutable and uses the ML data key, an old batch-tools repository is
// mutable, AES-256 and outside the scanning rule. us-east-1: basic scanning, no registry rules, a demo
// chatbot repository without scan on push, immutable except "latest", KMS with the AWS managed key.
import type { DescribeRepositoriesCommandOutput, GetRegistryScanningConfigurationCommandOutput, Repository } from '@aws-sdk/client-ecr';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, keyArn, KEYS } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

const repo = (region: string, name: string, r: Omit<Repository, 'repositoryName' | 'repositoryArn' | 'registryId' | 'repositoryUri' | 'createdAt'>): Repository => ({
  repositoryName: name,
  repositoryArn: arn('ecr', region, `repository/${name}`),
  registryId: ACCOUNT,
  repositoryUri: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${name}`,
  createdAt: daysBefore(200),
  ...r,
});

const REPOSITORIES: Record<string, Repository[]> = {
  'eu-west-1': [
    repo('eu-west-1', 'ml-inference-server', { imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: 'KMS', kmsKey: ML_KEY } }),
    repo('eu-west-1', 'batch-tools', { imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'AES256' } }),
  ],
  'us-east-1': [
    repo('us-east-1', 'demo-chatbot', {
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'KMS' },
    }),
  ],
};

export function register(sim: SimulatedAws): void {
  sim.on<DescribeRepositoriesCommandOutput>('ecr.DescribeRepositories', (_input, t) => ({ repositories: REPOSITORIES[t.region] ?? [] }));
  sim.on<GetRegistryScanningConfigurationCommandOutput>('ecr.GetRegistryScanningConfiguration', (_input, t) => ({
    registryId: ACCOUNT,
    scanningConfiguration:
      t.region === 'eu-west-1'
        ? { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'ml-*', filterType: 'WILDCARD' }] }] }
        : { scanType: 'BASIC', rules: [] },
  }));
}
