// Organizations: the sample account is a member account of Acme's organization, so DescribeOrganization
// answers but ListPolicies (management account or delegated administrator only) is AccessDenied.
import type { DescribeOrganizationCommandOutput, ListPoliciesCommandOutput } from '@aws-sdk/client-organizations';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT } from './account.ts';

const MANAGEMENT_ACCOUNT = '123456789012';
const ORG_ID = 'o-a1b2c3d4e5';

export function register(sim: SimulatedAws): void {
  sim.on<DescribeOrganizationCommandOutput>('organizations.DescribeOrganization', () => ({
    Organization: {
      Id: ORG_ID,
      Arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:organization/${ORG_ID}`,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:account/${ORG_ID}/${MANAGEMENT_ACCOUNT}`,
      MasterAccountId: MANAGEMENT_ACCOUNT,
      MasterAccountEmail: 'aws-root@acme-health.example',
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  }));
  sim.on<ListPoliciesCommandOutput>('organizations.ListPolicies', () =>
    simError('AccessDeniedException', 400, `You don't have permissions to access this resource. (account ${ACCOUNT} is not the management account or a delegated administrator)`),
  );
}
