// Rules for logging and detection: CloudTrail, Config, GuardDuty, Macie, Security Hub, CloudWatch Logs.
import { describe, expect, it } from 'vitest';
import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { GetMacieSessionCommand } from '@aws-sdk/client-macie2';
import { collectors as cloudtrailCollectors } from '../../src/collect/services/cloudtrail.ts';
import { collectors as macieCollectors } from '../../src/collect/services/macie2.ts';
import { awsError, byKey, collect, mockAllClients } from '../collect/harness.ts';
import { failed, notConfigured, ok, runRule, statuses } from '../helpers/evidence.ts';
import { rule as multiRegion } from '../../src/evaluate/rules/cloudtrail-multi-region-trail-logging.ts';
import { rule as s3Data } from '../../src/evaluate/rules/cloudtrail-s3-data-events-logged.ts';
import { rule as bedrockData } from '../../src/evaluate/rules/cloudtrail-bedrock-data-events-logged.ts';
import { rule as validation } from '../../src/evaluate/rules/cloudtrail-log-file-validation-enabled.ts';
import { rule as trailKms } from '../../src/evaluate/rules/cloudtrail-logs-encrypted-with-kms.ts';
import { rule as cwDelivery } from '../../src/evaluate/rules/cloudtrail-cloudwatch-logs-delivery-enabled.ts';
import { rule as alarms } from '../../src/evaluate/rules/cloudtrail-security-event-alarms-configured.ts';
import { rule as recording } from '../../src/evaluate/rules/config-recorder-recording.ts';
import { rule as allTypes } from '../../src/evaluate/rules/config-recorder-all-resource-types.ts';
import { rule as channel } from '../../src/evaluate/rules/config-delivery-channel-configured.ts';
import { rule as guardduty } from '../../src/evaluate/rules/guardduty-enabled.ts';
import { rule as guarddutyS3 } from '../../src/evaluate/rules/guardduty-s3-protection-enabled.ts';
import { rule as macie } from '../../src/evaluate/rules/macie-enabled.ts';
import { rule as macieDiscovery } from '../../src/evaluate/rules/macie-sensitive-data-discovery-enabled.ts';
import { rule as hub } from '../../src/evaluate/rules/securityhub-enabled.ts';
import { rule as standards } from '../../src/evaluate/rules/securityhub-standards-enabled.ts';
import { rule as logKms } from '../../src/evaluate/rules/cloudwatch-log-groups-encrypted-with-kms.ts';
import { rule as retention } from '../../src/evaluate/rules/cloudwatch-log-groups-retention-meets-minimum.ts';

const EU = 'eu-west-1';
const US = 'us-east-1';
const BOTH = { accounts: ['111122223333'], regions: [EU, US] };
const SHADOW = { includeShadowTrails: true };
const trailArn = (region: string, name: string) => `arn:aws:cloudtrail:${region}:111122223333:trail/${name}`;
const trail = (name: string, home: string, extra: Record<string, unknown> = {}) => ({ Name: name, HomeRegion: home, TrailARN: trailArn(home, name), S3BucketName: 'logs', ...extra });
const describe_ = (region: string, trails: unknown[]) => ok('cloudtrail.DescribeTrails', { trailList: trails }, { region, input: SHADOW });
const status = (t: { TrailARN: string; HomeRegion: string }, response: unknown) => ok('cloudtrail.GetTrailStatus', response, { region: t.HomeRegion, input: { Name: t.TrailARN } });
const selectors = (t: { TrailARN: string; HomeRegion: string }, response: unknown) => ok('cloudtrail.GetEventSelectors', response, { region: t.HomeRegion, input: { TrailName: t.TrailARN } });
const MANAGEMENT = { AdvancedEventSelectors: [{ Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] };
const dataSelector = (...types: string[]) => ({ AdvancedEventSelectors: [{ Name: 'data', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: types }] }] });

describe('CloudTrail coverage per region', () => {
  const org = trail('org', US, { IsMultiRegionTrail: true });
  const eu = trail('eu-data', EU);

  it('passes every region recorded by a logging multi-region trail, and fails where none is logging', () => {
    const records = [describe_(EU, [org]), describe_(US, [org]), status(org, { IsLogging: true }), selectors(org, MANAGEMENT)];
    expect(statuses(runRule(multiRegion, records, { scope: BOTH }))).toEqual(['pass', 'pass']);
    const stopped = [describe_(EU, [org, eu]), describe_(US, [org]), status(org, { IsLogging: false }), status(eu, { IsLogging: true }), selectors(org, MANAGEMENT), selectors(eu, MANAGEMENT)];
    const findings = runRule(multiRegion, stopped, { scope: BOTH });
    expect(statuses(findings)).toEqual(['fail', 'fail']);
    expect(findings[0]!.reason).toContain('trail org is not logging');
  });

  it('the multi-region trail must record management events, reads and writes', () => {
    const base = [describe_(US, [org]), status(org, { IsLogging: true })];
    const us = { scope: { accounts: ['111122223333'], regions: [US] } };
    expect(statuses(runRule(multiRegion, [...base, selectors(org, dataSelector('AWS::S3::Object'))], us))).toEqual(['fail']);
    expect(statuses(runRule(multiRegion, [...base, selectors(org, { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] })], us))).toEqual(['fail']);
    expect(statuses(runRule(multiRegion, [...base, selectors(org, { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] })], us))).toEqual(['pass']);
    expect(statuses(runRule(multiRegion, base, us))).toEqual(['unknown']);
  });

  it('fails a region with no trail and is unknown when trails cannot be listed or a status is missing', () => {
    expect(statuses(runRule(multiRegion, [describe_(EU, [])]))).toEqual(['fail']);
    expect(statuses(runRule(multiRegion, [failed('cloudtrail.DescribeTrails', { input: SHADOW })]))).toEqual(['unknown']);
    // The trail's home region is outside the run's scope: its status was never collected.
    expect(statuses(runRule(multiRegion, [describe_(EU, [org])]))).toEqual(['unknown']);
  });

  it('S3 data events: a single-region trail covers only its own region', () => {
    const records = [describe_(EU, [org, eu]), describe_(US, [org]), status(org, { IsLogging: true }), status(eu, { IsLogging: true }), selectors(org, { AdvancedEventSelectors: [] }), selectors(eu, dataSelector('AWS::S3::Object'))];
    const findings = runRule(s3Data, records, { scope: BOTH });
    expect(statuses(findings)).toEqual(['pass', 'fail']);
    expect(findings[0]!.reason).toContain('for all buckets');
  });

  it('S3 data events: classic selectors count, limits are reported, a failed selector read is unknown', () => {
    const classic = { EventSelectors: [{ ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::training/'] }] }] };
    const f = runRule(s3Data, [describe_(US, [org]), status(org, { IsLogging: true }), selectors(org, classic)], { scope: { accounts: ['111122223333'], regions: [US] } });
    expect(statuses(f)).toEqual(['pass']);
    expect(f[0]!.reason).toContain('selected resources only, writes only');
    const broken = [describe_(US, [org]), status(org, { IsLogging: true }), failed('cloudtrail.GetEventSelectors', { region: US, input: { TrailName: org.TrailARN } })];
    expect(statuses(runRule(s3Data, broken, { scope: { accounts: ['111122223333'], regions: [US] } }))).toEqual(['unknown']);
  });

  it('Bedrock data events need an AWS::Bedrock::* resource type; S3 alone is not enough', () => {
    const base = [describe_(EU, [eu]), status(eu, { IsLogging: true })];
    expect(statuses(runRule(bedrockData, [...base, selectors(eu, dataSelector('AWS::S3::Object'))]))).toEqual(['fail']);
    const f = runRule(bedrockData, [...base, selectors(eu, dataSelector('AWS::Bedrock::AgentAlias', 'AWS::Bedrock::KnowledgeBase'))]);
    expect(statuses(f)).toEqual(['pass']);
    expect(f[0]!.reason).toContain('AWS::Bedrock::KnowledgeBase');
  });
});

describe('CloudTrail trail settings (judged once, in the home region)', () => {
  const good = trail('good', EU, { LogFileValidationEnabled: true, KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k', CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:ct:*' });
  const bad = trail('bad', EU, { LogFileValidationEnabled: false });
  const shadow = trail('org', US, { IsMultiRegionTrail: true, LogFileValidationEnabled: false });

  it('validation and KMS: pass, fail, shadow copies ignored, not_applicable with no trail, unknown on error', () => {
    const records = [describe_(EU, [good, bad, shadow])];
    expect(statuses(runRule(validation, records))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(trailKms, records))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(validation, [describe_(EU, [shadow])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(trailKms, [failed('cloudtrail.DescribeTrails', { input: SHADOW })]))).toEqual(['unknown']);
  });

  it('CloudWatch Logs delivery: no log group fails, a delivery error fails, unknown status is unknown', () => {
    expect(statuses(runRule(cwDelivery, [describe_(EU, [good, bad]), status(good, { IsLogging: true, LatestCloudWatchLogsDeliveryTime: '2026-11-20T01:00:00Z' })]))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(cwDelivery, [describe_(EU, [good]), status(good, { IsLogging: true, LatestCloudWatchLogsDeliveryError: 'AccessDenied' })]))).toEqual(['fail']);
    expect(statuses(runRule(cwDelivery, [describe_(EU, [good])]))).toEqual(['unknown']);
  });

  it('security alarms: every category needs a filter on the trail group and an alarm with an action', () => {
    const patterns: Record<string, string> = {
      Root: '{ $.userIdentity.type = "Root" }',
      SignIn: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
      Denied: '{ $.errorCode = "AccessDenied*" }',
      Trail: '{ $.eventName = StopLogging }',
      Iam: '{ $.eventName = PutRolePolicy }',
      Kms: '{ $.eventName = ScheduleKeyDeletion }',
    };
    const filters = ok('cloudwatch-logs.DescribeMetricFilters', { metricFilters: Object.entries(patterns).map(([n, p]) => ({ filterName: n, filterPattern: p, logGroupName: 'ct', metricTransformations: [{ metricName: n, metricNamespace: 'Sec' }] })) });
    const alarmFor = (names: string[], actions = ['arn:aws:sns:eu-west-1:111122223333:sec']) => ok('cloudwatch.DescribeAlarms', { MetricAlarms: names.map((n) => ({ AlarmName: n, MetricName: n, Namespace: 'Sec', ActionsEnabled: true, AlarmActions: actions })) });
    expect(statuses(runRule(alarms, [describe_(EU, [good]), filters, alarmFor(Object.keys(patterns))]))).toEqual(['pass']);
    const missingKms = runRule(alarms, [describe_(EU, [good]), filters, alarmFor(Object.keys(patterns).filter((n) => n !== 'Kms'))]);
    expect(statuses(missingKms)).toEqual(['fail']);
    expect(missingKms[0]!.reason).toContain('KMS key');
    expect(statuses(runRule(alarms, [describe_(EU, [good]), filters, alarmFor(Object.keys(patterns), [])]))).toEqual(['fail']);
    expect(statuses(runRule(alarms, [describe_(EU, [good]), filters, failed('cloudwatch.DescribeAlarms')]))).toEqual(['unknown']);
    expect(statuses(runRule(alarms, [describe_(EU, [bad])]))).toEqual(['not_applicable']);
  });
});

describe('AWS Config', () => {
  const recorder = (group: Record<string, unknown>) => ok('config-service.DescribeConfigurationRecorders', { ConfigurationRecorders: [{ name: 'default', recordingGroup: group }] });
  const status = (recording: boolean, lastStatus = 'Success') => ok('config-service.DescribeConfigurationRecorderStatus', { ConfigurationRecordersStatus: [{ name: 'default', recording, lastStatus }] });

  it('a recorder that exists but is not recording fails; no recorder fails; a failed call is unknown', () => {
    expect(statuses(runRule(recording, [recorder({ allSupported: true }), status(true)]))).toEqual(['pass']);
    expect(statuses(runRule(recording, [recorder({ allSupported: true }), status(false)]))).toEqual(['fail']);
    expect(statuses(runRule(recording, [recorder({ allSupported: true }), status(true, 'Failure')]))).toEqual(['fail']);
    expect(statuses(runRule(recording, [ok('config-service.DescribeConfigurationRecorders', { ConfigurationRecorders: [] })]))).toEqual(['fail']);
    // A service-linked recorder records only what its service needs: it is not the account's recorder.
    const linked = ok('config-service.DescribeConfigurationRecorders', { ConfigurationRecorders: [{ name: 'AWSConfigurationRecorderForX', servicePrincipal: 'x.amazonaws.com', recordingGroup: { allSupported: true } }] });
    const linkedStatus = ok('config-service.DescribeConfigurationRecorderStatus', { ConfigurationRecordersStatus: [{ name: 'AWSConfigurationRecorderForX', recording: true, lastStatus: 'Success' }] });
    expect(statuses(runRule(recording, [linked, linkedStatus]))).toEqual(['fail']);
    expect(statuses(runRule(allTypes, [linked]))).toEqual(['fail', 'fail']);
    expect(statuses(runRule(recording, [failed('config-service.DescribeConfigurationRecorders')]))).toEqual(['unknown']);
    expect(statuses(runRule(recording, [recorder({ allSupported: true }), failed('config-service.DescribeConfigurationRecorderStatus')]))).toEqual(['unknown']);
  });

  it('all resource types per region, global types once per account', () => {
    expect(statuses(runRule(allTypes, [recorder({ allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } })]))).toEqual(['pass', 'pass']);
    // An answer without a recording strategy cannot show what is recorded.
    expect(statuses(runRule(allTypes, [recorder({ allSupported: true, includeGlobalResourceTypes: true })]))).toEqual(['unknown', 'pass']);
    expect(statuses(runRule(allTypes, [recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] })]))).toEqual(['fail', 'fail']);
    expect(statuses(runRule(allTypes, [recorder({ recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' }, exclusionByResourceTypes: { resourceTypes: ['AWS::SageMaker::Model'] } })]))).toEqual(['fail', 'fail']);
    expect(statuses(runRule(allTypes, [failed('config-service.DescribeConfigurationRecorders')]))).toEqual(['unknown', 'unknown']);
  });

  it('delivery channel', () => {
    expect(statuses(runRule(channel, [ok('config-service.DescribeDeliveryChannels', { DeliveryChannels: [{ name: 'default', s3BucketName: 'cfg' }] })]))).toEqual(['pass']);
    expect(statuses(runRule(channel, [ok('config-service.DescribeDeliveryChannels', { DeliveryChannels: [] })]))).toEqual(['fail']);
    expect(statuses(runRule(channel, [failed('config-service.DescribeDeliveryChannels')]))).toEqual(['unknown']);
  });
});

describe('GuardDuty', () => {
  const list = (ids: string[]) => ok('guardduty.ListDetectors', { DetectorIds: ids });
  const detector = (d: Record<string, unknown>) => ok('guardduty.GetDetector', d, { input: { DetectorId: 'd1' } });

  it('no detector in a region is a fail for that region', () => {
    expect(statuses(runRule(guardduty, [list([])]))).toEqual(['fail']);
    expect(statuses(runRule(guarddutyS3, [list([])]))).toEqual(['fail']);
  });

  it('judges detector status and the S3_DATA_EVENTS feature; errors are unknown', () => {
    expect(statuses(runRule(guardduty, [list(['d1']), detector({ Status: 'ENABLED' })]))).toEqual(['pass']);
    expect(statuses(runRule(guardduty, [list(['d1']), detector({ Status: 'DISABLED' })]))).toEqual(['fail']);
    expect(statuses(runRule(guarddutyS3, [list(['d1']), detector({ Status: 'ENABLED', Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }] })]))).toEqual(['pass']);
    expect(statuses(runRule(guarddutyS3, [list(['d1']), detector({ Status: 'ENABLED', Features: [{ Name: 'S3_DATA_EVENTS', Status: 'DISABLED' }] })]))).toEqual(['fail']);
    expect(statuses(runRule(guarddutyS3, [list(['d1']), detector({ Status: 'ENABLED', DataSources: { S3Logs: { Status: 'ENABLED' } } })]))).toEqual(['pass']);
    expect(statuses(runRule(guardduty, [failed('guardduty.ListDetectors')]))).toEqual(['unknown']);
    expect(statuses(runRule(guardduty, [list(['d1'])]))).toEqual(['unknown']);
  });
});

describe('Macie', () => {
  const session = ok('macie2.GetMacieSession', { status: 'ENABLED', createdAt: '2025-01-01T00:00:00Z' });
  const notEnabled = failed('macie2.GetMacieSession', {}, { name: 'AccessDeniedException', httpStatus: 403, message: 'Macie is not enabled.' });
  const denied = failed('macie2.GetMacieSession', {}, { name: 'AccessDeniedException', httpStatus: 403, message: 'User: arn:aws:sts::111122223333:assumed-role/Auditor/x is not authorized to perform: macie2:GetMacieSession' });

  it('"Macie is not enabled" is a fail; any other AccessDenied stays unknown', () => {
    expect(statuses(runRule(macie, [session]))).toEqual(['pass']);
    expect(statuses(runRule(macie, [notEnabled]))).toEqual(['fail']);
    expect(statuses(runRule(macie, [denied]))).toEqual(['unknown']);
    expect(statuses(runRule(macie, [ok('macie2.GetMacieSession', { status: 'PAUSED' })]))).toEqual(['fail']);
  });

  it('discovery: automated discovery or an active scheduled job passes', () => {
    const auto = (status: string) => ok('macie2.GetAutomatedDiscoveryConfiguration', { status });
    const jobs = (items: unknown[]) => ok('macie2.ListClassificationJobs', { items });
    expect(statuses(runRule(macieDiscovery, [session, auto('ENABLED'), jobs([])]))).toEqual(['pass']);
    expect(statuses(runRule(macieDiscovery, [session, auto('DISABLED'), jobs([{ jobType: 'SCHEDULED', jobStatus: 'IDLE', name: 'weekly' }])]))).toEqual(['pass']);
    expect(statuses(runRule(macieDiscovery, [session, auto('DISABLED'), jobs([{ jobType: 'ONE_TIME', jobStatus: 'COMPLETE' }])]))).toEqual(['fail']);
    expect(statuses(runRule(macieDiscovery, [notEnabled]))).toEqual(['fail']);
    expect(statuses(runRule(macieDiscovery, [denied]))).toEqual(['unknown']);
    expect(statuses(runRule(macieDiscovery, [session, failed('macie2.GetAutomatedDiscoveryConfiguration'), jobs([])]))).toEqual(['unknown']);
  });
});

describe('Security Hub', () => {
  it('not subscribed (InvalidAccessException, not configured) fails; errors are unknown', () => {
    expect(statuses(runRule(hub, [ok('securityhub.DescribeHub', { HubArn: 'arn:aws:securityhub:eu-west-1:111122223333:hub/default' })]))).toEqual(['pass']);
    expect(statuses(runRule(hub, [notConfigured('securityhub.DescribeHub', 'InvalidAccessException')]))).toEqual(['fail']);
    expect(statuses(runRule(hub, [failed('securityhub.DescribeHub')]))).toEqual(['unknown']);
    expect(statuses(runRule(hub, [ok('securityhub.DescribeHub', {})]))).toEqual(['unknown']);
  });

  it('needs a READY standard', () => {
    const subs = (s: unknown[]) => ok('securityhub.GetEnabledStandards', { StandardsSubscriptions: s });
    expect(statuses(runRule(standards, [subs([{ StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0', StandardsStatus: 'READY' }])]))).toEqual(['pass']);
    expect(statuses(runRule(standards, [subs([{ StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/x', StandardsStatus: 'INCOMPLETE' }])]))).toEqual(['fail']);
    expect(statuses(runRule(standards, [subs([])]))).toEqual(['fail']);
    expect(statuses(runRule(standards, [notConfigured('securityhub.GetEnabledStandards', 'InvalidAccessException')]))).toEqual(['fail']);
    expect(statuses(runRule(standards, [failed('securityhub.GetEnabledStandards')]))).toEqual(['unknown']);
  });
});

describe('CloudWatch log groups', () => {
  const groups = (g: unknown[]) => ok('cloudwatch-logs.DescribeLogGroups', { logGroups: g });

  it('KMS encryption per log group', () => {
    expect(statuses(runRule(logKms, [groups([{ logGroupName: 'a', kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k' }, { logGroupName: 'b' }])]))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(logKms, [groups([])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(logKms, [failed('cloudwatch-logs.DescribeLogGroups')]))).toEqual(['unknown']);
  });

  it('retention at least the configured minimum; never-expire passes', () => {
    const records = [groups([{ logGroupName: 'short', retentionInDays: 90 }, { logGroupName: 'long', retentionInDays: 400 }, { logGroupName: 'forever', creationTime: 1_700_000_000_000 }])];
    expect(statuses(runRule(retention, records))).toEqual(['fail', 'pass', 'pass']);
    // "No retentionInDays" means never-expire only in an otherwise whole answer.
    expect(statuses(runRule(retention, [groups([{ logGroupName: 'stripped' }])]))).toEqual(['unknown']);
    expect(statuses(runRule(retention, records, { params: { logRetentionMinDays: 30 } }))).toEqual(['pass', 'pass', 'pass']);
  });
});

describe('collectors (aws-sdk-client-mock)', () => {
  it('CloudTrail: status and selectors once per trail, in its home region, by ARN', async () => {
    const { mocks, restore } = await mockAllClients();
    try {
      const org = trail('org', US, { IsMultiRegionTrail: true });
      const eu = trail('eu-data', EU);
      mocks.cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [org, eu] });
      mocks.cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
      mocks.cloudtrail.on(GetEventSelectorsCommand).resolves({ AdvancedEventSelectors: [] });
      const records = await collect(cloudtrailCollectors, { accounts: ['111122223333'], regions: [EU] });
      expect(byKey(records, 'cloudtrail.DescribeTrails')[0]!.input).toEqual(SHADOW);
      expect(byKey(records, 'cloudtrail.GetTrailStatus').map((r) => r.input)).toEqual([{ Name: eu.TrailARN }]);
      expect(byKey(records, 'cloudtrail.GetEventSelectors').map((r) => r.input)).toEqual([{ TrailName: eu.TrailARN }]);
    } finally {
      restore();
    }
  });

  it('Macie: stops after "Macie is not enabled" and records it as an error the rules can read', async () => {
    const { mocks, restore } = await mockAllClients();
    try {
      mocks.macie2.on(GetMacieSessionCommand).rejects(awsError('AccessDeniedException', 403, 'Macie is not enabled.'));
      const records = await collect(macieCollectors);
      expect(records.map((r) => r.key)).toEqual(['macie2.GetMacieSession']);
      expect(statuses(runRule(macie, records))).toEqual(['fail']);
    } finally {
      restore();
    }
  });
});
