import { forEachListed, listAt, required, whenListed } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'vpc-flow-logs-enabled',
  evidence: ['ec2.DescribeVpcs', 'ec2.DescribeFlowLogs'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'ec2.DescribeVpcs', scope: 'regional', items: (r) => r.Vpcs, noun: 'VPCs' }, (vpc, where, vpcRecords) => {
      const resource = { type: 'AWS::EC2::VPC', id: required(vpc, 'VpcId', 'A VPC'), arn: `arn:aws:ec2:${where.region}:${vpc.OwnerId ?? where.account}:vpc/${vpc.VpcId}` };
      return whenListed(ctx, where, resource, 'flow logs', listAt(ctx, 'ec2.DescribeFlowLogs', where, (r) => r.FlowLogs), (flows, records) => {
      const mine = flows.filter((f) => f.ResourceId === vpc.VpcId);
      const working = mine.find((f) => f.FlowLogStatus === 'ACTIVE' && f.DeliverLogsStatus !== 'FAILED');
      if (working) return ctx.finding('pass', where, resource, `Flow log ${working.FlowLogId} captures ${working.TrafficType ?? 'ALL'} traffic to ${working.LogDestinationType ?? 'cloud-watch-logs'}.`, records);
      if (mine.length) return ctx.finding('fail', where, resource, `Flow log ${mine[0].FlowLogId} exists but is not delivering (status ${mine[0].FlowLogStatus}, delivery ${mine[0].DeliverLogsStatus ?? 'n/a'}${mine[0].DeliverLogsErrorMessage ? `: ${mine[0].DeliverLogsErrorMessage}` : ''}).`, records);
      return ctx.finding('fail', where, resource, 'No flow log: network traffic in this VPC cannot be investigated after an incident.', records);
      }, vpcRecords);
    }),
});
