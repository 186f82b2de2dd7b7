// CIS AWS Foundations monitoring: alarms on changes to security groups, network ACLs, network gateways,
// route tables and VPCs. Each category's calls must be matched by an alarmed metric filter on a trail that
// records the region's management events. The VPC list leaves out the EC2-Classic ClassicLink calls in
// CIS's pattern: AWS retired ClassicLink in 2022 and the calls can no longer succeed.
import { ALARMED_CHANGES_EVIDENCE, alarmedChangeCoverage, type ChangeCategory } from '../aws/cloudtrail-metric-alarms.ts';
import { defineRule } from '../rule.ts';

export const NETWORK_CHANGES: readonly ChangeCategory[] = [
  { name: 'security group changes', events: ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'] },
  { name: 'network ACL changes', events: ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'] },
  { name: 'network gateway changes', events: ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'] },
  { name: 'route table changes', events: ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'] },
  { name: 'VPC changes', events: ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection'] },
];

export const rule = defineRule({
  controlId: 'cloudwatch-network-change-alarms-configured',
  evidence: ALARMED_CHANGES_EVIDENCE,
  evaluate: (ctx) => alarmedChangeCoverage(ctx, NETWORK_CHANGES),
});
