// Macie in the sample account: enabled with automated discovery in eu-west-1; never enabled in
// us-east-1, where every Macie call answers AccessDeniedException "Macie is not enabled.".
import type { GetAutomatedDiscoveryConfigurationCommandOutput, GetMacieSessionCommandOutput, ListClassificationJobsCommandOutput } from '@aws-sdk/client-macie2';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, BUCKETS, daysBefore } from './account.ts';

const ENABLED_REGION = 'eu-west-1';
const notEnabled = () => simError('AccessDeniedException', 403, 'Macie is not enabled.');

export function register(sim: SimulatedAws): void {
  sim.on<GetMacieSessionCommandOutput>('macie2.GetMacieSession', (_input, t) =>
    t.region !== ENABLED_REGION
      ? notEnabled()
      : { createdAt: daysBefore(380), findingPublishingFrequency: 'FIFTEEN_MINUTES', serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`, status: 'ENABLED', updatedAt: daysBefore(30) },
  );
  sim.on<GetAutomatedDiscoveryConfigurationCommandOutput>('macie2.GetAutomatedDiscoveryConfiguration', (_input, t) =>
    t.region !== ENABLED_REGION ? notEnabled() : { autoEnableOrganizationMembers: 'NONE', classificationScopeId: '117aff7ed76e5d7f8c2b1a0e9d8c7b6a', firstEnabledAt: daysBefore(370), lastUpdatedAt: daysBefore(30), sensitivityInspectionTemplateId: '9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d', status: 'ENABLED' },
  );
  sim.on<ListClassificationJobsCommandOutput>('macie2.ListClassificationJobs', (_input, t) =>
    t.region !== ENABLED_REGION
      ? notEnabled()
      : {
          items: [
            {
              jobId: '3f1e2d3c4b5a69788796a5b4c3d2e1f0',
              name: 'weekly-training-data-scan',
              jobType: 'SCHEDULED',
              jobStatus: 'IDLE',
              createdAt: daysBefore(200),
              bucketDefinitions: [{ accountId: ACCOUNT, buckets: [BUCKETS.trainingData.name] }],
              lastRunErrorStatus: { code: 'NONE' },
            },
          ],
        },
  );
}
