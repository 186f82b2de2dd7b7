// Rules for network controls: flow logs, security groups, default groups, AI service endpoints, EBS defaults.
import { describe, expect, it } from 'vitest';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';
import { rule as flowLogs } from '../../src/evaluate/rules/vpc-flow-logs-enabled.ts';
import { openAdminPorts, rule as adminPorts } from '../../src/evaluate/rules/security-groups-admin-ports-closed-to-internet.ts';
import { rule as defaultSg } from '../../src/evaluate/rules/vpc-default-security-group-closed.ts';
import { rule as endpoints } from '../../src/evaluate/rules/ai-service-vpc-endpoints-present.ts';
import { rule as ebs } from '../../src/evaluate/rules/ebs-default-encryption-enabled.ts';
import { rule as ebsKey } from '../../src/evaluate/rules/ebs-default-kms-key-customer-managed.ts';

const vpcs = (ids: string[]) => ok('ec2.DescribeVpcs', { Vpcs: ids.map((VpcId) => ({ VpcId, IsDefault: false })) });
const world = (proto: string, from?: number, to?: number, cidr = '0.0.0.0/0') => ({ IpProtocol: proto, FromPort: from, ToPort: to, IpRanges: cidr.includes(':') ? [] : [{ CidrIp: cidr }], Ipv6Ranges: cidr.includes(':') ? [{ CidrIpv6: cidr }] : [] });

describe('VPC flow logs', () => {
  it('passes an active flow log, fails none or a failing one, unknown when flow logs cannot be listed', () => {
    const flows = ok('ec2.DescribeFlowLogs', { FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-a', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS' }, { FlowLogId: 'fl-2', ResourceId: 'vpc-b', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'FAILED' }] });
    expect(statuses(runRule(flowLogs, [vpcs(['vpc-a', 'vpc-b', 'vpc-c']), flows]))).toEqual(['pass', 'fail', 'fail']);
    expect(statuses(runRule(flowLogs, [vpcs([])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(flowLogs, [vpcs(['vpc-a']), failed('ec2.DescribeFlowLogs')]))).toEqual(['unknown']);
    expect(statuses(runRule(flowLogs, [failed('ec2.DescribeVpcs')]))).toEqual(['unknown']);
  });
});

describe('security groups', () => {
  it('finds admin ports open to the world in ranges, all-traffic rules and IPv6', () => {
    expect(openAdminPorts([world('tcp', 22, 22)])).toEqual(['SSH 22 from 0.0.0.0/0']);
    expect(openAdminPorts([world('tcp', 3000, 4000, '::/0')])).toEqual(['RDP 3389 from ::/0']);
    expect(openAdminPorts([world('-1')])).toHaveLength(7);
    expect(openAdminPorts([world('tcp', 443, 443), world('tcp', 22, 22, '10.0.0.0/8'), world('udp', 22, 22)])).toEqual([]);
  });

  it('passes closed groups, fails open ones, not_applicable without groups, unknown on error', () => {
    const groups = ok('ec2.DescribeSecurityGroups', {
      SecurityGroups: [
        { GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-a', IpPermissions: [world('tcp', 443, 443)] },
        { GroupId: 'sg-2', GroupName: 'jupyter', VpcId: 'vpc-a', IpPermissions: [world('tcp', 8888, 8888)] },
      ],
    });
    expect(statuses(runRule(adminPorts, [groups]))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(adminPorts, [ok('ec2.DescribeSecurityGroups', { SecurityGroups: [] })]))).toEqual(['not_applicable']);
    expect(statuses(runRule(adminPorts, [failed('ec2.DescribeSecurityGroups')]))).toEqual(['unknown']);
  });

  it('default groups must have no rules at all', () => {
    const groups = ok('ec2.DescribeSecurityGroups', {
      SecurityGroups: [
        { GroupId: 'sg-d1', GroupName: 'default', VpcId: 'vpc-a', IpPermissions: [], IpPermissionsEgress: [] },
        { GroupId: 'sg-d2', GroupName: 'default', VpcId: 'vpc-b', IpPermissions: [], IpPermissionsEgress: [world('-1')] },
        { GroupId: 'sg-x', GroupName: 'app', VpcId: 'vpc-a', IpPermissions: [world('-1')] },
      ],
    });
    expect(statuses(runRule(defaultSg, [groups]))).toEqual(['pass', 'fail']);
  });
});

describe('AI service VPC endpoints', () => {
  const ep = (service: string, state = 'available', type = 'Interface') => ({ VpcEndpointId: `vpce-${service}`, VpcId: 'vpc-a', ServiceName: `com.amazonaws.eu-west-1.${service}`, VpcEndpointType: type, State: state });

  it('one finding per service; gateway or pending endpoints do not count', () => {
    const list = ok('ec2.DescribeVpcEndpoints', { VpcEndpoints: [ep('sagemaker.api'), ep('sagemaker.runtime', 'pendingAcceptance'), ep('bedrock-runtime', 'Available')] });
    const f = runRule(endpoints, [vpcs(['vpc-a']), list]);
    expect(f.map((x) => [x.resource.id.replace(/^.*com\.amazonaws\.eu-west-1\./, ''), x.status])).toEqual([
      ['sagemaker.api', 'pass'],
      ['sagemaker.runtime', 'fail'],
      ['bedrock-runtime', 'pass'],
    ]);
  });

  it('not applicable without VPCs; unknown when endpoints cannot be listed', () => {
    expect(statuses(runRule(endpoints, [vpcs([])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(endpoints, [vpcs(['vpc-a']), failed('ec2.DescribeVpcEndpoints')]))).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

describe('EBS default encryption', () => {
  it('per region setting', () => {
    expect(statuses(runRule(ebs, [ok('ec2.GetEbsEncryptionByDefault', { EbsEncryptionByDefault: true })]))).toEqual(['pass']);
    expect(statuses(runRule(ebs, [ok('ec2.GetEbsEncryptionByDefault', { EbsEncryptionByDefault: false })]))).toEqual(['fail']);
    expect(statuses(runRule(ebs, [failed('ec2.GetEbsEncryptionByDefault')]))).toEqual(['unknown']);
    expect(statuses(runRule(ebs, []))).toEqual(['unknown']);
  });
});

describe('ebs-default-kms-key-customer-managed', () => {
  const key = (KmsKeyId?: string) => ok('ec2.GetEbsDefaultKmsKeyId', KmsKeyId ? { KmsKeyId } : {});
  const kms = [
    ok('kms.DescribeKey', { KeyMetadata: { KeyId: 'cmk', KeyManager: 'CUSTOMER' } }, { input: { KeyId: 'cmk' } }),
    ok('kms.DescribeKey', { KeyMetadata: { KeyId: 'ebs-managed', KeyManager: 'AWS' } }, { input: { KeyId: 'ebs-managed' } }),
    ok('kms.ListAliases', { Aliases: [{ AliasName: 'alias/ml', TargetKeyId: 'cmk' }, { AliasName: 'alias/aws/ebs', TargetKeyId: 'ebs-managed' }] }),
  ];
  it('rejects the AWS managed aws/ebs key by alias or by its key ARN; passes a customer-managed key by ARN or alias', () => {
    expect(statuses(runRule(ebsKey, [key('alias/aws/ebs')]))).toEqual(['fail']);
    expect(statuses(runRule(ebsKey, [key('arn:aws:kms:eu-west-1:111122223333:key/ebs-managed'), ...kms]))).toEqual(['fail']);
    expect(statuses(runRule(ebsKey, [key('arn:aws:kms:eu-west-1:111122223333:key/cmk'), ...kms]))).toEqual(['pass']);
    expect(statuses(runRule(ebsKey, [key('arn:aws:kms:eu-west-1:111122223333:alias/ml'), ...kms]))).toEqual(['pass']);
  });
  it('is unknown when the setting or the key cannot be read, never pass', () => {
    expect(statuses(runRule(ebsKey, [failed('ec2.GetEbsDefaultKmsKeyId')]))).toEqual(['unknown']);
    expect(statuses(runRule(ebsKey, [key()]))).toEqual(['unknown']);
    expect(statuses(runRule(ebsKey, [key('arn:aws:kms:eu-west-1:111122223333:key/cmk')]))).toEqual(['unknown']);
    expect(statuses(runRule(ebsKey, []))).toEqual(['unknown']);
  });
});
