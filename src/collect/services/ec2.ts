// EC2/VPC network posture per region: VPCs and their flow logs, security groups, VPC endpoints,
// and the account's EBS default-encryption setting and default key. Every list carries the data: no per-item calls.
import { allPages, type Collector } from '../collector.ts';

const vpcs: Collector = {
  name: 'ec2.vpcs',
  service: 'ec2',
  scope: 'regional',
  produces: ['ec2.DescribeVpcs', 'ec2.DescribeFlowLogs'],
  async collect(ctx) {
    const { paginateDescribeFlowLogs, paginateDescribeVpcs } = await import('@aws-sdk/client-ec2');
    const client = await ctx.client('ec2');
    await allPages(paginateDescribeVpcs({ client }, {}));
    await allPages(paginateDescribeFlowLogs({ client }, {}));
  },
};

const securityGroups: Collector = {
  name: 'ec2.security-groups',
  service: 'ec2',
  scope: 'regional',
  produces: ['ec2.DescribeSecurityGroups'],
  async collect(ctx) {
    const { paginateDescribeSecurityGroups } = await import('@aws-sdk/client-ec2');
    await allPages(paginateDescribeSecurityGroups({ client: await ctx.client('ec2') }, {}));
  },
};

const endpoints: Collector = {
  name: 'ec2.vpc-endpoints',
  service: 'ec2',
  scope: 'regional',
  produces: ['ec2.DescribeVpcEndpoints'],
  async collect(ctx) {
    const { paginateDescribeVpcEndpoints } = await import('@aws-sdk/client-ec2');
    await allPages(paginateDescribeVpcEndpoints({ client: await ctx.client('ec2') }, {}));
  },
};

const ebsDefaults: Collector = {
  name: 'ec2.ebs-encryption-default',
  service: 'ec2',
  scope: 'regional',
  produces: ['ec2.GetEbsEncryptionByDefault', 'ec2.GetEbsDefaultKmsKeyId'],
  async collect(ctx) {
    const { GetEbsDefaultKmsKeyIdCommand, GetEbsEncryptionByDefaultCommand } = await import('@aws-sdk/client-ec2');
    const client = await ctx.client('ec2');
    await ctx.attempt(() => client.send(new GetEbsEncryptionByDefaultCommand({})));
    await ctx.attempt(() => client.send(new GetEbsDefaultKmsKeyIdCommand({})));
  },
};

export const collectors: Collector[] = [vpcs, securityGroups, endpoints, ebsDefaults];
