import { fail, forEachListed, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

// Resources launched without an explicit group land in the default group: it must allow nothing.
export const rule: Rule = {
  controlId: 'vpc-default-security-group-closed',
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'ec2.DescribeSecurityGroups', scope: 'regional', items: (r) => r.SecurityGroups, noun: 'default security groups', filter: (sg: any) => sg.GroupName === 'default' },
      (sg: any, where, records) => {
        const inbound = (sg.IpPermissions ?? []).length;
        const outbound = (sg.IpPermissionsEgress ?? []).length;
        const v = inbound + outbound === 0 ? pass(`The default group of ${sg.VpcId} has no rules.`) : fail(`The default group of ${sg.VpcId} has ${inbound} inbound and ${outbound} outbound rule(s): anything launched without a group inherits them.`);
        return ctx.finding(v.status, where, { type: 'AWS::EC2::SecurityGroup', id: sg.GroupId, arn: sg.SecurityGroupArn }, v.reason, records);
      },
    ),
};
