import { fail, forEachListed, pass, required, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Resources launched without an explicit group land in the default group: it must allow nothing.
export const rule = defineRule({
  controlId: 'vpc-default-security-group-closed',
  evidence: ['ec2.DescribeSecurityGroups'],
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'ec2.DescribeSecurityGroups', scope: 'regional', items: (r) => r.SecurityGroups, noun: 'default security groups', filter: (sg) => sg.GroupName === 'default' },
      (sg, where, records) => {
        const what = `The default group of ${sg.VpcId}`;
        const inbound = required(sg, 'IpPermissions', what).length;
        const outbound = required(sg, 'IpPermissionsEgress', what).length;
        const v = inbound + outbound === 0 ? pass(`The default group of ${sg.VpcId} has no rules.`) : fail(`The default group of ${sg.VpcId} has ${inbound} inbound and ${outbound} outbound rule(s): anything launched without a group inherits them.`);
        return judged(ctx, where, { type: 'AWS::EC2::SecurityGroup', id: required(sg, 'GroupId', 'A security group'), arn: sg.SecurityGroupArn }, v, records);
      },
    ),
});
