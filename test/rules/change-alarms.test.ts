import { describe, expect, it } from 'vitest';
import { patternMatchesAll } from '../../src/evaluate/aws/cloudtrail-metric-alarms.ts';
import { rule as iamAlarm } from '../../src/evaluate/rules/cloudwatch-iam-policy-change-alarm-configured.ts';
import { rule as networkAlarms } from '../../src/evaluate/rules/cloudwatch-network-change-alarms-configured.ts';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';

const R = 'eu-west-1';
const TRAIL_ARN = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main';
const GROUP = 'trail-logs';
const trail = (over: Record<string, unknown> = {}) =>
  ok('cloudtrail.DescribeTrails', { trailList: [{ Name: 'main', TrailARN: TRAIL_ARN, HomeRegion: R, IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: `arn:aws:logs:${R}:111122223333:log-group:${GROUP}:*`, ...over }] }, { input: { includeShadowTrails: true } });
const logging = (IsLogging = true) => ok('cloudtrail.GetTrailStatus', { IsLogging }, { input: { Name: TRAIL_ARN } });
const selectors = (readOnly?: string) =>
  ok('cloudtrail.GetEventSelectors', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...(readOnly ? [{ Field: 'readOnly', Equals: [readOnly] }] : [])] }] }, { input: { TrailName: TRAIL_ARN } });
const anyOf = (...names: string[]) => `{ ${names.map((n) => `($.eventName = ${n})`).join(' || ')} }`;
const IAM = ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'];
const filters = (...f: { name: string; pattern: string }[]) =>
  ok('cloudwatch-logs.DescribeMetricFilters', { metricFilters: f.map((x) => ({ filterName: x.name, filterPattern: x.pattern, logGroupName: GROUP, metricTransformations: [{ metricName: x.name, metricNamespace: 'CIS' }] })) });
const alarms = (names: string[], actions = true) =>
  ok('cloudwatch.DescribeAlarms', { MetricAlarms: names.map((n) => ({ AlarmName: n, MetricName: n, Namespace: 'CIS', ActionsEnabled: actions, AlarmActions: ['arn:aws:sns:eu-west-1:111122223333:sec'] })) });
const base = [trail(), logging(), selectors()];

describe('cloudwatch-iam-policy-change-alarm-configured', () => {
  it('passes with an alarmed filter naming every IAM policy call on a logging trail with all management events', () => {
    expect(statuses(runRule(iamAlarm, [...base, filters({ name: 'iam', pattern: anyOf(...IAM) }), alarms(['iam'])]))).toEqual(['pass']);
  });
  it('fails a partial pattern, a pattern narrowed by &&, a filter without an enabled alarm, write-only management events or no log group', () => {
    const partial = runRule(iamAlarm, [...base, filters({ name: 'iam', pattern: anyOf(...IAM.slice(1)) }), alarms(['iam'])]);
    expect(statuses(partial)).toEqual(['fail']);
    expect(partial[0]!.reason).toContain('IAM policy changes');
    const narrowed = `{ ${anyOf(...IAM).slice(2, -2)} && ($.userIdentity.type = Root) }`;
    expect(statuses(runRule(iamAlarm, [...base, filters({ name: 'iam', pattern: narrowed }), alarms(['iam'])]))).toEqual(['fail']);
    expect(statuses(runRule(iamAlarm, [...base, filters({ name: 'iam', pattern: anyOf(...IAM) }), alarms(['iam'], false)]))).toEqual(['fail']);
    expect(statuses(runRule(iamAlarm, [trail(), logging(), selectors('false'), filters({ name: 'iam', pattern: anyOf(...IAM) }), alarms(['iam'])]))).toEqual(['fail']);
    expect(statuses(runRule(iamAlarm, [trail({ CloudWatchLogsLogGroupArn: undefined }), logging(), selectors()]))).toEqual(['fail']);
    expect(statuses(runRule(iamAlarm, [trail(), logging(false), selectors(), filters({ name: 'iam', pattern: anyOf(...IAM) }), alarms(['iam'])]))).toEqual(['fail']);
  });
  it('is unknown when filters, alarms, selectors or trail status cannot be read', () => {
    expect(statuses(runRule(iamAlarm, [...base, failed('cloudwatch-logs.DescribeMetricFilters'), alarms([])]))).toEqual(['unknown']);
    expect(statuses(runRule(iamAlarm, [...base, filters({ name: 'iam', pattern: anyOf(...IAM) })]))).toEqual(['unknown']);
    expect(statuses(runRule(iamAlarm, [trail(), logging()]))).toEqual(['unknown']);
    expect(statuses(runRule(iamAlarm, [trail(), selectors()]))).toEqual(['unknown']);
    expect(statuses(runRule(iamAlarm, [failed('cloudtrail.DescribeTrails', { input: { includeShadowTrails: true } })]))).toEqual(['unknown']);
  });
});

describe('cloudwatch-network-change-alarms-configured', () => {
  const NETWORK = {
    sg: anyOf('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'),
    nacl: anyOf('CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'),
    gw: anyOf('CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'),
    rt: anyOf('CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'),
    vpc: anyOf('CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection'),
  };
  const all = Object.entries(NETWORK).map(([name, pattern]) => ({ name, pattern }));
  it('passes with all five categories alarmed and fails naming the missing ones', () => {
    expect(statuses(runRule(networkAlarms, [...base, filters(...all), alarms(Object.keys(NETWORK))]))).toEqual(['pass']);
    const f = runRule(networkAlarms, [...base, filters(...all), alarms(['sg', 'nacl', 'gw'])]);
    expect(statuses(f)).toEqual(['fail']);
    expect(f[0]!.reason).toContain('route table changes, VPC changes');
  });
});

describe('patternMatchesAll', () => {
  it('accepts quoted names and spacing, rejects != and missing names', () => {
    expect(patternMatchesAll('{ ($.eventName="A") || ($.eventName = B) }', ['A', 'B'])).toBe(true);
    expect(patternMatchesAll('{ ($.eventName != A) || ($.eventName = B) }', ['A', 'B'])).toBe(false);
  });
});
