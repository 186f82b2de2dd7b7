// IAM Access Analyzer: an active account analyzer with no open findings in eu-west-1; in us-east-1 the
// analyzer never became active (its service-linked role could not be created).
import type { ListAnalyzersCommandOutput, ListFindingsV2CommandOutput } from '@aws-sdk/client-accessanalyzer';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore } from './account.ts';

export function register(sim: SimulatedAws): void {
  sim.on<ListAnalyzersCommandOutput>('accessanalyzer.ListAnalyzers', (_input, t) => ({
    analyzers:
      t.region === 'eu-west-1'
        ? [{ arn: arn('access-analyzer', t.region, 'analyzer/acme-account-analyzer'), name: 'acme-account-analyzer', type: 'ACCOUNT', createdAt: daysBefore(250), lastResourceAnalyzed: `arn:aws:s3:::${BUCKETS.trainingData.name}`, lastResourceAnalyzedAt: daysBefore(1), status: 'ACTIVE', tags: {} }]
        : [{ arn: arn('access-analyzer', t.region, 'analyzer/acme-us-analyzer'), name: 'acme-us-analyzer', type: 'ACCOUNT', createdAt: daysBefore(30), status: 'FAILED', statusReason: { code: 'SERVICE_LINKED_ROLE_CREATION_FAILED' }, tags: {} }],
  }));
  sim.on<ListFindingsV2CommandOutput>('accessanalyzer.ListFindingsV2', () => ({ findings: [] }));
}
