import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { fail, forEachListed, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Remote administration and notebook ports that must never face the whole internet: SSH, Telnet,
// RDP, VNC, WinRM (HTTP/HTTPS) and Jupyter's default port, which AI teams open on training hosts.
export const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 23: 'Telnet', 3389: 'RDP', 5900: 'VNC', 5985: 'WinRM', 5986: 'WinRM-HTTPS', 8888: 'Jupyter' };

/** One inbound rule of a security group, as DescribeSecurityGroups returns it. */
type Permission = NonNullable<NonNullable<EvidenceResponse<'ec2.DescribeSecurityGroups'>['SecurityGroups']>[number]['IpPermissions']>[number];

export function openAdminPorts(perms: Permission[]): string[] {
  const open: string[] = [];
  for (const p of perms) {
    const world = [...(p.IpRanges ?? []).map((r) => r.CidrIp), ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)].filter((c) => c === '0.0.0.0/0' || c === '::/0');
    if (world.length === 0) continue;
    const allPorts = p.IpProtocol === '-1' || (p.IpProtocol === 'tcp' && (p.FromPort ?? -1) <= 0 && (p.ToPort ?? -1) >= 65535);
    if (p.IpProtocol !== 'tcp' && p.IpProtocol !== '6' && !allPorts) continue;
    for (const [port, name] of Object.entries(ADMIN_PORTS)) {
      const n = Number(port);
      if (allPorts || ((p.FromPort ?? -1) <= n && n <= (p.ToPort ?? -1))) open.push(`${name} ${n} from ${world.join(' and ')}`);
    }
  }
  return [...new Set(open)];
}

export const rule = defineRule({
  controlId: 'security-groups-admin-ports-closed-to-internet',
  evidence: ['ec2.DescribeSecurityGroups'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'ec2.DescribeSecurityGroups', scope: 'regional', items: (r) => r.SecurityGroups, noun: 'security groups' }, (sg, where, records) => {
      const open = openAdminPorts(required(sg, 'IpPermissions', `Security group ${sg.GroupId}`));
      const v = open.length ? fail(`Inbound rules open ${open.join('; ')}.`) : pass('No inbound rule opens an administrative or notebook port to 0.0.0.0/0 or ::/0.');
      return ctx.finding(v.status, where, { type: 'AWS::EC2::SecurityGroup', id: required(sg, 'GroupId', 'A security group'), arn: sg.SecurityGroupArn ?? `arn:aws:ec2:${where.region}:${sg.OwnerId ?? where.account}:security-group/${sg.GroupId}` }, `${sg.GroupName} (${sg.VpcId ?? 'no VPC'}): ${v.reason}`, records);
    }),
});
