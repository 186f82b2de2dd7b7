// EC2/VPC in the sample account. eu-west-1: the ML VPC (flow logs, private endpoints for SageMaker
// and Bedrock, closed default group) next to a forgotten default VPC and a notebook debugging group
// open to the internet. us-east-1: a VPC without flow logs, one endpoint of three, an RDP/SSH bastion
// group open to the world, and EBS encryption by default off.
import type {
  DescribeFlowLogsCommandOutput,
  DescribeSecurityGroupsCommandOutput,
  DescribeVpcEndpointsCommandOutput,
  DescribeVpcsCommandOutput,
  GetEbsDefaultKmsKeyIdCommandOutput,
  GetEbsEncryptionByDefaultCommandOutput,
  SecurityGroup,
  Vpc,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { paged, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, DEFAULT_VPC, keyArn, KEYS, NETWORK } from './account.ts';

type Region = keyof typeof NETWORK;
const EU: Region = 'eu-west-1';
const US: Region = 'us-east-1';

const VPCS: Record<Region, Vpc[]> = {
  [EU]: [
    { VpcId: NETWORK[EU].vpcId, CidrBlock: '10.20.0.0/16', State: 'available', OwnerId: ACCOUNT, IsDefault: false, InstanceTenancy: 'default', DhcpOptionsId: 'dopt-0a1b2c3d4e5f60701', Tags: [{ Key: 'Name', Value: 'acme-ml-eu' }, { Key: 'data-classification', Value: 'phi' }] },
    { VpcId: DEFAULT_VPC.vpcId, CidrBlock: '172.31.0.0/16', State: 'available', OwnerId: ACCOUNT, IsDefault: true, InstanceTenancy: 'default', DhcpOptionsId: 'dopt-0a1b2c3d4e5f60702' },
  ],
  [US]: [{ VpcId: NETWORK[US].vpcId, CidrBlock: '10.40.0.0/16', State: 'available', OwnerId: ACCOUNT, IsDefault: false, InstanceTenancy: 'default', DhcpOptionsId: 'dopt-0b1c2d3e4f5a60801', Tags: [{ Key: 'Name', Value: 'acme-prototype-us' }] }],
};

const tcp = (port: number, cidr: string, description: string) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr, Description: description }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
const allOut = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
const sg = (region: Region, id: string, name: string, vpcId: string, inbound: any[], outbound: any[], description = name): SecurityGroup => ({
  GroupId: id,
  GroupName: name,
  Description: description,
  VpcId: vpcId,
  OwnerId: ACCOUNT,
  SecurityGroupArn: arn('ec2', region, `security-group/${id}`),
  IpPermissions: inbound,
  IpPermissionsEgress: outbound,
});

const GROUPS: Record<Region, SecurityGroup[]> = {
  [EU]: [
    sg(EU, NETWORK[EU].sgRestricted, 'acme-ml-restricted', NETWORK[EU].vpcId, [tcp(443, '10.20.0.0/16', 'HTTPS inside the ML VPC')], [tcp(443, '10.20.0.0/16', 'VPC endpoints')], 'SageMaker notebooks and endpoints'),
    sg(EU, 'sg-0e1f2a3b4c5d60011', 'default', NETWORK[EU].vpcId, [], [], 'default VPC security group'),
    sg(EU, DEFAULT_VPC.defaultSg, 'default', DEFAULT_VPC.vpcId, [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: DEFAULT_VPC.defaultSg, UserId: ACCOUNT }] }], [allOut], 'default VPC security group'),
    sg(EU, 'sg-0e1f2a3b4c5d60012', 'notebook-debug', DEFAULT_VPC.vpcId, [tcp(8888, '0.0.0.0/0', 'jupyter'), tcp(22, '0.0.0.0/0', 'ssh')], [allOut], 'temporary notebook debugging'),
  ],
  [US]: [
    sg(US, NETWORK[US].sgRestricted, 'acme-proto-restricted', NETWORK[US].vpcId, [tcp(443, '10.40.0.0/16', 'HTTPS inside the VPC')], [allOut], 'prototype inference'),
    sg(US, 'sg-0f1e2d3c4b5a60021', 'default', NETWORK[US].vpcId, [], [], 'default VPC security group'),
    sg(US, 'sg-0f1e2d3c4b5a60022', 'legacy-bastion', NETWORK[US].vpcId, [tcp(22, '0.0.0.0/0', 'ssh'), { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [], Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'rdp' }], PrefixListIds: [], UserIdGroupPairs: [] }], [allOut], 'old jump host'),
  ],
};

const endpoint = (region: Region, id: string, service: string, vpcId: string, subnets: readonly string[]): VpcEndpoint => ({
  VpcEndpointId: id,
  VpcEndpointType: 'Interface',
  VpcId: vpcId,
  ServiceName: `com.amazonaws.${region}.${service}`,
  // The API answers lowercase "available" although the SDK's enum spells "Available"; the rule accepts both.
  State: 'available' as VpcEndpoint['State'],
  PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
  RouteTableIds: [],
  SubnetIds: [...subnets],
  Groups: [{ GroupId: NETWORK[region].sgRestricted, GroupName: 'restricted' }],
  PrivateDnsEnabled: true,
  RequesterManaged: false,
  NetworkInterfaceIds: subnets.map((_, i) => `eni-0${id.slice(-6)}${i}0a1b2c3d`),
  DnsEntries: [{ DnsName: `${id}.${service}.${region}.vpce.amazonaws.com`, HostedZoneId: 'Z7HUB22UULQXV' }],
  CreationTimestamp: daysBefore(250),
  OwnerId: ACCOUNT,
});

const ENDPOINTS: Record<Region, VpcEndpoint[]> = {
  [EU]: [
    endpoint(EU, 'vpce-0a1b2c3d4e5f00001', 'sagemaker.api', NETWORK[EU].vpcId, NETWORK[EU].privateSubnets),
    endpoint(EU, 'vpce-0a1b2c3d4e5f00002', 'sagemaker.runtime', NETWORK[EU].vpcId, NETWORK[EU].privateSubnets),
    endpoint(EU, 'vpce-0a1b2c3d4e5f00003', 'bedrock-runtime', NETWORK[EU].vpcId, NETWORK[EU].privateSubnets),
    { ...endpoint(EU, 'vpce-0a1b2c3d4e5f00004', 's3', NETWORK[EU].vpcId, []), VpcEndpointType: 'Gateway', RouteTableIds: ['rtb-0a1b2c3d4e5f60001'], PrivateDnsEnabled: false, DnsEntries: [], NetworkInterfaceIds: [], Groups: [] },
  ],
  [US]: [endpoint(US, 'vpce-0b1c2d3e4f5a00011', 'sagemaker.runtime', NETWORK[US].vpcId, NETWORK[US].privateSubnets)],
};

export function register(sim: SimulatedAws): void {
  const region = (t: { region: string }) => t.region as Region;
  sim.on<DescribeVpcsCommandOutput>('ec2.DescribeVpcs', (_input, t) => ({ Vpcs: VPCS[region(t)] ?? [] }));
  sim.on<DescribeFlowLogsCommandOutput>('ec2.DescribeFlowLogs', (_input, t) => ({
    FlowLogs:
      t.region === EU
        ? [
            {
              FlowLogId: 'fl-0a1b2c3d4e5f60001',
              FlowLogStatus: 'ACTIVE',
              DeliverLogsStatus: 'SUCCESS',
              DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/AcmeFlowLogsDelivery`,
              ResourceId: NETWORK[EU].vpcId,
              TrafficType: 'ALL',
              LogDestinationType: 'cloud-watch-logs',
              LogGroupName: '/vpc/flow-logs/acme-ml',
              LogDestination: arn('logs', EU, 'log-group:/vpc/flow-logs/acme-ml'),
              LogFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
              MaxAggregationInterval: 600,
              CreationTime: daysBefore(250),
            },
          ]
        : [],
  }));
  sim.on<DescribeSecurityGroupsCommandOutput>('ec2.DescribeSecurityGroups', (input, t) => {
    const { page, next } = paged(GROUPS[region(t)] ?? [], input, 3);
    return { SecurityGroups: page, NextToken: next };
  });
  sim.on<DescribeVpcEndpointsCommandOutput>('ec2.DescribeVpcEndpoints', (_input, t) => ({ VpcEndpoints: ENDPOINTS[region(t)] ?? [] }));
  sim.on<GetEbsEncryptionByDefaultCommandOutput>('ec2.GetEbsEncryptionByDefault', (_input, t) => ({ EbsEncryptionByDefault: t.region === EU, SseType: 'sse-ebs' }));
  // eu-west-1 sets its ML data key as the EBS default; us-east-1 keeps the AWS managed aws/ebs key.
  sim.on<GetEbsDefaultKmsKeyIdCommandOutput>('ec2.GetEbsDefaultKmsKeyId', (_input, t) => ({ KmsKeyId: t.region === EU ? keyArn(KEYS.mlData.region, KEYS.mlData.id) : 'alias/aws/ebs' }));
}
