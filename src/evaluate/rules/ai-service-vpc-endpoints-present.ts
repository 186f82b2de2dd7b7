import { accountResource, judged, listAt, notApplicable, targets, whenListed } from '../rule-helpers.ts';
import type { Finding } from '../finding.ts';
import { defineRule } from '../rule.ts';

// Interface endpoints keep calls to the SageMaker API, SageMaker runtime and Bedrock runtime on
// PrivateLink instead of the internet. One finding per region and service; regions without VPCs
// have no private workloads to serve and are not applicable.
const SERVICES = ['sagemaker.api', 'sagemaker.runtime', 'bedrock-runtime'];

export const rule = defineRule({
  controlId: 'ai-service-vpc-endpoints-present',
  evidence: ['ec2.DescribeVpcs', 'ec2.DescribeVpcEndpoints'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] =>
      whenListed(ctx, where, accountResource(where), 'VPCs', listAt(ctx, 'ec2.DescribeVpcs', where, (r) => r.Vpcs), (vpcs, vpcRecords) => {
      if (vpcs.length === 0) return judged(ctx, where, accountResource(where), notApplicable(`No VPCs in ${where.region}.`), vpcRecords);
      const endpoints = listAt(ctx, 'ec2.DescribeVpcEndpoints', where, (r) => r.VpcEndpoints);
      return SERVICES.flatMap((svc) => {
        const serviceName = `com.amazonaws.${where.region}.${svc}`;
        const resource = { type: 'AWS::EC2::VPCEndpoint', id: `${where.account}/${where.region}/${serviceName}` };
        return whenListed(ctx, where, resource, 'VPC endpoints', endpoints, (items, records) => {
        const found = items.filter((e) => e.ServiceName === serviceName && e.VpcEndpointType === 'Interface' && String(e.State).toLowerCase() === 'available');
        return found.length
          ? ctx.finding('pass', where, resource, `Interface endpoint(s) for ${serviceName}: ${found.map((e) => `${e.VpcEndpointId} in ${e.VpcId}${e.PrivateDnsEnabled ? ' (private DNS)' : ''}`).join(', ')}.`, records)
          : ctx.finding('fail', where, resource, `No available interface endpoint for ${serviceName}: calls from the region's VPCs (${vpcs.map((v) => v.VpcId).join(', ')}) must leave through an internet or NAT gateway.`, records);
        }, vpcRecords);
      });
      }),
    ),
});
