// Security Hub in the sample account: enabled with two standards in eu-west-1; never enabled in
// us-east-1 (InvalidAccessException, which Proofline records as "not configured").
import type { DescribeHubCommandOutput, GetEnabledStandardsCommandOutput } from '@aws-sdk/client-securityhub';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore } from './account.ts';

const ENABLED_REGION = 'eu-west-1';
const notSubscribed = () => simError('InvalidAccessException', 401, `Account ${ACCOUNT} is not subscribed to AWS Security Hub`);

export function register(sim: SimulatedAws): void {
  sim.on<DescribeHubCommandOutput>('securityhub.DescribeHub', (_input, t) =>
    t.region !== ENABLED_REGION ? notSubscribed() : { HubArn: arn('securityhub', t.region, 'hub/default'), SubscribedAt: daysBefore(390).toISOString(), AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' },
  );
  sim.on<GetEnabledStandardsCommandOutput>('securityhub.GetEnabledStandards', (_input, t) =>
    t.region !== ENABLED_REGION
      ? notSubscribed()
      : {
          StandardsSubscriptions: [
            {
              StandardsSubscriptionArn: arn('securityhub', t.region, 'subscription/aws-foundational-security-best-practices/v/1.0.0'),
              StandardsArn: `arn:aws:securityhub:${t.region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
              StandardsInput: {},
              StandardsStatus: 'READY',
            },
            {
              StandardsSubscriptionArn: arn('securityhub', t.region, 'subscription/cis-aws-foundations-benchmark/v/3.0.0'),
              StandardsArn: `arn:aws:securityhub:${t.region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
              StandardsInput: {},
              StandardsStatus: 'READY',
            },
          ],
        },
  );
}
