// KMS keys, CloudWatch log groups and EC2 security groups in a synthetic account (all regional).
import type { DescribeSecurityGroupsCommandOutput, DescribeVpcsCommandOutput } from '@aws-sdk/client-ec2';
import type { DescribeLogGroupsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { DescribeKeyCommandOutput, GetKeyPolicyCommandOutput, GetKeyRotationStatusCommandOutput, ListKeysCommandOutput } from '@aws-sdk/client-kms';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { failing, type AccountPlan } from './plan.ts';
import { createdAt, names, pageOf, resourceIndex, syntheticArn } from './synthetic-names.ts';

const RETENTIONS = [undefined, 7, 30, 90, 365, 400, 731, 1827];

export function registerKmsLogsEc2(sim: SimulatedAws, plan: AccountPlan): void {
  const keyArn = (region: string, k: string) => syntheticArn('kms', region, plan.account, `key/${k}`);
  const keyId = (input: Record<string, unknown>) => String(input.KeyId ?? '').replace(/^arn:.*:key\//, '');
  const withKey = <T>(input: Record<string, unknown>, region: string, answer: (k: string) => T) => {
    const k = keyId(input);
    return resourceIndex(plan, 'keys', region, k) === undefined ? simError('NotFoundException', 400, `Key '${k}' does not exist`) : answer(k);
  };

  sim.on<ListKeysCommandOutput>('kms.ListKeys', (input, t) => {
    const { page, next } = pageOf(names(plan, 'keys', t.region), input, { tokenIn: 'Marker', sizeField: 'Limit', max: 1000 });
    return { Keys: page.map((k) => ({ KeyId: k, KeyArn: keyArn(t.region, k) })), Truncated: next !== undefined, NextMarker: next };
  });
  sim.on<DescribeKeyCommandOutput>('kms.DescribeKey', (input, t) =>
    withKey(input, t.region, (k) => {
      const awsManaged = failing(k, 'awsmanaged', 0.3);
      const deleting = !awsManaged && failing(k, 'deletion', 0.03);
      return {
        KeyMetadata: {
          KeyId: k,
          Arn: keyArn(t.region, k),
          AWSAccountId: plan.account,
          CreationDate: createdAt(k),
          Enabled: !deleting,
          KeyState: deleting ? 'PendingDeletion' : 'Enabled',
          DeletionDate: deleting ? new Date('2026-12-01T00:00:00Z') : undefined,
          KeyUsage: 'ENCRYPT_DECRYPT',
          KeySpec: 'SYMMETRIC_DEFAULT',
          KeyManager: awsManaged ? 'AWS' : 'CUSTOMER',
          Origin: 'AWS_KMS',
          MultiRegion: false,
          Description: awsManaged ? 'Default key that protects my SageMaker data when no other key is defined' : `ML data key ${k}`,
        },
      };
    }),
  );
  sim.on<GetKeyRotationStatusCommandOutput>('kms.GetKeyRotationStatus', (input, t) => withKey(input, t.region, (k) => ({ KeyId: keyArn(t.region, k), KeyRotationEnabled: !failing(k, 'rotation', 0.3), RotationPeriodInDays: 365 })));

  sim.on<GetKeyPolicyCommandOutput>('kms.GetKeyPolicy', (input, t) =>
    withKey(input, t.region, (k) => {
      const statement = [{ Sid: 'EnableRootPermissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${plan.account}:root` }, Action: 'kms:*', Resource: '*' }];
      if (failing(k, 'wildcard-principal', 0.05)) statement.push({ Sid: 'TooBroad', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' });
      return { PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) };
    }),
  );

  sim.on<DescribeLogGroupsCommandOutput>('cloudwatch-logs.DescribeLogGroups', (input, t) => {
    const { page, next } = pageOf(names(plan, 'logGroups', t.region), input, { tokenIn: 'nextToken', sizeField: 'limit', max: 50 });
    const groups = page.map((g) => {
      const retention = RETENTIONS[Math.floor(createdAt(g).getTime() / 86_400_000) % RETENTIONS.length];
      const cmk = !failing(g, 'cmk', 0.5);
      return { logGroupName: `/aws/sagemaker/${g}`, arn: syntheticArn('logs', t.region, plan.account, `log-group:/aws/sagemaker/${g}:*`), creationTime: createdAt(g).getTime(), retentionInDays: retention, storedBytes: 1024 * 1024, kmsKeyId: cmk ? keyArn(t.region, `key-${t.region}-000000`) : undefined, logGroupClass: 'STANDARD' as const };
    });
    return { logGroups: groups, nextToken: next };
  });

  sim.on<DescribeSecurityGroupsCommandOutput>('ec2.DescribeSecurityGroups', (input, t) => {
    const { page, next } = pageOf(names(plan, 'securityGroups', t.region), input, { tokenIn: 'NextToken', sizeField: 'MaxResults', max: 1000 });
    const groups = page.map((g) => {
      const open = failing(g, 'open', 0.1);
      return {
        GroupId: g,
        GroupName: g,
        Description: 'synthetic security group',
        OwnerId: plan.account,
        VpcId: `vpc-${t.region}-0001`,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: open ? 22 : 443, ToPort: open ? 22 : 443, IpRanges: [{ CidrIp: open ? '0.0.0.0/0' : '10.0.0.0/8' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      };
    });
    return { SecurityGroups: groups, NextToken: next };
  });
  sim.on<DescribeVpcsCommandOutput>('ec2.DescribeVpcs', (_input, t) => ({ Vpcs: [{ VpcId: `vpc-${t.region}-0001`, CidrBlock: '10.0.0.0/16', State: 'available', OwnerId: plan.account, IsDefault: false }] }));
}
