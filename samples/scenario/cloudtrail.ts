// CloudTrail in the sample account: a multi-region management trail homed in us-east-1 (validated,
// KMS, CloudWatch Logs), an eu-west-1 trail for S3 and Bedrock data events (no KMS), and a stopped
// legacy trail in us-east-1. DescribeTrails with shadow trails shows the multi-region trail everywhere.
import type { DescribeTrailsCommandOutput, Event, GetEventSelectorsCommandOutput, GetTrailStatusCommandOutput, LookupEventsCommandOutput, Trail } from '@aws-sdk/client-cloudtrail';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, BUCKETS, daysBefore, keyArn, KEYS, RECORDED_AT, TRAILS } from './account.ts';

const trailArn = (t: { name: string; homeRegion: string }) => arn('cloudtrail', t.homeRegion, `trail/${t.name}`);
const logGroupArn = (region: string, name: string) => arn('logs', region, `log-group:${name}:*`);

const TRAIL_LIST: Trail[] = [
  {
    Name: TRAILS.org.name,
    S3BucketName: BUCKETS.auditLogs.name,
    S3KeyPrefix: 'cloudtrail',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: TRAILS.org.homeRegion,
    TrailARN: trailArn(TRAILS.org),
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn: logGroupArn(TRAILS.org.homeRegion, TRAILS.org.logGroup),
    CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/AcmeCloudTrailToCloudWatch`,
    KmsKeyId: keyArn(KEYS.logs.region, KEYS.logs.id),
    HasCustomEventSelectors: true,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  },
  {
    Name: TRAILS.euData.name,
    S3BucketName: BUCKETS.auditLogs.name,
    S3KeyPrefix: 'eu-data-events',
    IncludeGlobalServiceEvents: false,
    IsMultiRegionTrail: false,
    HomeRegion: TRAILS.euData.homeRegion,
    TrailARN: trailArn(TRAILS.euData),
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn: logGroupArn(TRAILS.euData.homeRegion, TRAILS.euData.logGroup),
    CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/AcmeCloudTrailToCloudWatch`,
    HasCustomEventSelectors: true,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  },
  {
    Name: TRAILS.legacy.name,
    S3BucketName: 'acme-legacy-cloudtrail-111122223333',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: false,
    HomeRegion: TRAILS.legacy.homeRegion,
    TrailARN: trailArn(TRAILS.legacy),
    LogFileValidationEnabled: false,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  },
];

const MANAGEMENT = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

const SELECTORS: Record<string, Omit<GetEventSelectorsCommandOutput, '$metadata'>> = {
  [TRAILS.org.name]: { TrailARN: trailArn(TRAILS.org), AdvancedEventSelectors: [MANAGEMENT] },
  [TRAILS.euData.name]: {
    TrailARN: trailArn(TRAILS.euData),
    AdvancedEventSelectors: [
      MANAGEMENT,
      { Name: 'S3 object access', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
      { Name: 'Bedrock invocations', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Bedrock::Model'] }] },
      { Name: 'Bedrock knowledge bases', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Bedrock::KnowledgeBase'] }] },
    ],
  },
  // The legacy trail still has the classic selector format: management events only.
  [TRAILS.legacy.name]: { TrailARN: trailArn(TRAILS.legacy), EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] },
};

const byArn = (name: string) => TRAIL_LIST.find((t) => t.TrailARN === name || t.Name === name);
const minutesBefore = (m: number) => new Date(RECORDED_AT.getTime() - m * 60_000);

// Bedrock calls in event history. eu-west-1: the application role (expected, see the sample config's
// bedrockExpectedInvocations) invoking and conversing. us-east-1: a leaked access key of legacy-etl calling
// Claude at night, the LLM-jacking pattern, in a region the organization does not use for Bedrock.
function bedrockEvent(region: string, n: number, name: string, identity: Record<string, unknown>, minutesAgo: number): Event {
  const time = minutesBefore(minutesAgo);
  const id = `${region === 'eu-west-1' ? 'e' : 'a'}${n.toString(16).padStart(7, '0')}-1b2c-4d3e-8f40-5a6b7c8d9e0f`;
  return {
    EventId: id,
    EventName: name,
    ReadOnly: 'true',
    EventTime: time,
    EventSource: 'bedrock.amazonaws.com',
    Username: String(identity.userName ?? 'AcmeBedrockApp-session'),
    Resources: [],
    CloudTrailEvent: JSON.stringify({ eventVersion: '1.09', userIdentity: identity, eventTime: time.toISOString(), eventSource: 'bedrock.amazonaws.com', eventName: name, awsRegion: region, sourceIPAddress: '203.0.113.10', requestParameters: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }, eventID: id, readOnly: true, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: ACCOUNT, eventCategory: 'Management' }),
  };
}
const APP_SESSION = { type: 'AssumedRole', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AcmeBedrockApp/lambda-session`, accountId: ACCOUNT, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/AcmeBedrockApp`, userName: 'AcmeBedrockApp' } } };
const LEAKED_KEY = { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/legacy-etl`, accountId: ACCOUNT, userName: 'legacy-etl' };
const BEDROCK_EVENTS: Record<string, Event[]> = {
  'eu-west-1': [bedrockEvent('eu-west-1', 1, 'InvokeModel', APP_SESSION, 30), bedrockEvent('eu-west-1', 2, 'Converse', APP_SESSION, 95), bedrockEvent('eu-west-1', 3, 'ListFoundationModels', APP_SESSION, 400)],
  'us-east-1': [bedrockEvent('us-east-1', 1, 'InvokeModelWithResponseStream', LEAKED_KEY, 300), bedrockEvent('us-east-1', 2, 'ConverseStream', LEAKED_KEY, 310)],
};

export function register(sim: SimulatedAws): void {
  sim.on<LookupEventsCommandOutput>('cloudtrail.LookupEvents', (_input, t) => ({ Events: BEDROCK_EVENTS[t.region] ?? [] }));
  sim.on<DescribeTrailsCommandOutput>('cloudtrail.DescribeTrails', (input, t) => ({
    trailList: TRAIL_LIST.filter((trail) => trail.HomeRegion === t.region || (input.includeShadowTrails !== false && trail.IsMultiRegionTrail)),
  }));
  sim.on<GetTrailStatusCommandOutput>('cloudtrail.GetTrailStatus', (input) => {
    const trail = byArn(input.Name);
    if (!trail) return simError('TrailNotFoundException', 400, `Unknown trail: ${input.Name} for the user: ${ACCOUNT}`);
    if (trail.Name === TRAILS.legacy.name) {
      return { IsLogging: false, StopLoggingTime: daysBefore(410), LatestDeliveryTime: daysBefore(410), StartLoggingTime: daysBefore(900), TimeLoggingStarted: daysBefore(900).toISOString(), TimeLoggingStopped: daysBefore(410).toISOString() };
    }
    return {
      IsLogging: true,
      LatestDeliveryTime: minutesBefore(4),
      LatestDigestDeliveryTime: trail.LogFileValidationEnabled ? minutesBefore(31) : undefined,
      LatestCloudWatchLogsDeliveryTime: trail.CloudWatchLogsLogGroupArn ? minutesBefore(3) : undefined,
      StartLoggingTime: daysBefore(700),
      TimeLoggingStarted: daysBefore(700).toISOString(),
    };
  });
  sim.on<GetEventSelectorsCommandOutput>('cloudtrail.GetEventSelectors', (input) => {
    const trail = byArn(input.TrailName);
    if (!trail) return simError('TrailNotFoundException', 400, `Unknown trail: ${input.TrailName} for the user: ${ACCOUNT}`);
    return SELECTORS[trail.Name!]!;
  });
}
