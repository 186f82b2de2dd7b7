// CloudWatch Logs in the sample account: AI service log groups (account.ts LOG_GROUPS), the CloudTrail
// log groups, flow logs and a training-job group; plus the metric filters on the org trail's group.
import type { DescribeLogGroupsCommandOutput, DescribeMetricFiltersCommandOutput, LogGroup, MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { paged, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS, LOG_GROUPS, TRAILS } from './account.ts';

interface SampleGroup {
  name: string;
  region: string;
  kmsKey?: keyof typeof KEYS;
  retentionInDays?: number;
  storedBytes: number;
}

const GROUPS: SampleGroup[] = [
  { ...LOG_GROUPS.bedrockInvocations, retentionInDays: 400, storedBytes: 8_412_233_901 },
  { ...LOG_GROUPS.lexIntake, retentionInDays: 731, storedBytes: 120_044_872 },
  { ...LOG_GROUPS.lexAppointments, retentionInDays: 30, storedBytes: 3_208_511 },
  { name: '/aws/sagemaker/TrainingJobs', region: 'eu-west-1', storedBytes: 1_904_332_118 },
  { name: TRAILS.euData.logGroup, region: TRAILS.euData.homeRegion, retentionInDays: 90, storedBytes: 22_981_004_113 },
  { name: TRAILS.org.logGroup, region: TRAILS.org.homeRegion, kmsKey: 'logs', retentionInDays: 2557, storedBytes: 41_337_920_554 },
  { name: '/vpc/flow-logs/acme-ml', region: 'eu-west-1', kmsKey: 'mlData', retentionInDays: 365, storedBytes: 5_118_004_221 },
];

const ORG_FILTERS: { name: string; pattern: string }[] = [
  { name: 'RootAccountUsage', pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }' },
  { name: 'ConsoleSignInFailures', pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }' },
  { name: 'UnauthorizedApiCalls', pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }' },
  { name: 'CloudTrailChanges', pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }' },
  { name: 'IamPolicyChanges', pattern: '{ ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = AttachRolePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicy) }' },
  { name: 'KmsKeyDisabledOrDeleted', pattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }' },
];

export const SECURITY_METRIC_NAMESPACE = 'CISBenchmark';

// The EU team's trail group carries the complete CIS patterns for IAM policy and network changes (each
// alarmed in eu-west-1, see cloudwatch.ts); the org trail's IamPolicyChanges filter above names only some calls.
const anyOf = (...names: string[]) => `{ ${names.map((n) => `($.eventName = ${n})`).join(' || ')} }`;
export const EU_CHANGE_FILTERS: { name: string; pattern: string }[] = [
  { name: 'IAMPolicyChanges', pattern: anyOf('DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy') },
  { name: 'SecurityGroupChanges', pattern: anyOf('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup') },
  { name: 'NetworkAclChanges', pattern: anyOf('CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation') },
  { name: 'NetworkGatewayChanges', pattern: anyOf('CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway') },
  { name: 'RouteTableChanges', pattern: anyOf('CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable') },
  { name: 'VpcChanges', pattern: anyOf('CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink') },
];

function filtersAt(region: string): MetricFilter[] {
  if (region === TRAILS.org.homeRegion) {
    return ORG_FILTERS.map((f) => ({
      filterName: f.name,
      filterPattern: f.pattern,
      logGroupName: TRAILS.org.logGroup,
      metricTransformations: [{ metricName: f.name, metricNamespace: SECURITY_METRIC_NAMESPACE, metricValue: '1' }],
      creationTime: daysBefore(600).getTime(),
      applyOnTransformedLogs: false,
    }));
  }
  if (region === TRAILS.euData.homeRegion) {
    // A filter without an alarm: it counts, but nobody is told.
    return [
      { filterName: 'BedrockThrottles', filterPattern: '{ $.errorCode = "ThrottlingException" }', logGroupName: TRAILS.euData.logGroup, metricTransformations: [{ metricName: 'BedrockThrottles', metricNamespace: 'AcmeAI', metricValue: '1' }], creationTime: daysBefore(90).getTime(), applyOnTransformedLogs: false },
      ...EU_CHANGE_FILTERS.map((f) => ({ filterName: f.name, filterPattern: f.pattern, logGroupName: TRAILS.euData.logGroup, metricTransformations: [{ metricName: f.name, metricNamespace: SECURITY_METRIC_NAMESPACE, metricValue: '1' }], creationTime: daysBefore(60).getTime(), applyOnTransformedLogs: false })),
    ];
  }
  return [];
}

export function register(sim: SimulatedAws): void {
  sim.on<DescribeLogGroupsCommandOutput>('cloudwatch-logs.DescribeLogGroups', (input, t) => {
    const all: LogGroup[] = GROUPS.filter((g) => g.region === t.region).map((g) => ({
      logGroupName: g.name,
      creationTime: daysBefore(500).getTime(),
      retentionInDays: g.retentionInDays,
      metricFilterCount: filtersAt(t.region).filter((f) => f.logGroupName === g.name).length,
      arn: arn('logs', t.region, `log-group:${g.name}:*`),
      logGroupArn: arn('logs', t.region, `log-group:${g.name}`),
      storedBytes: g.storedBytes,
      kmsKeyId: g.kmsKey ? keyArn(KEYS[g.kmsKey].region, KEYS[g.kmsKey].id) : undefined,
      logGroupClass: 'STANDARD',
    }));
    const { page, next } = paged(all, input, 3, 'nextToken');
    return { logGroups: page, nextToken: next };
  });
  sim.on<DescribeMetricFiltersCommandOutput>('cloudwatch-logs.DescribeMetricFilters', (_input, t) => ({ metricFilters: filtersAt(t.region) }));
}
