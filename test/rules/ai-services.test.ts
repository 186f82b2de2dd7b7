import { describe, expect, it } from 'vitest';
import { rule as comprehendKeys } from '../../src/evaluate/rules/comprehend-analysis-job-encrypted-with-kms-key.ts';
import { rule as comprehendModels } from '../../src/evaluate/rules/comprehend-custom-model-encrypted-with-kms-key.ts';
import { rule as comprehendVpc } from '../../src/evaluate/rules/comprehend-analysis-job-in-vpc.ts';
import { rule as lexLogs } from '../../src/evaluate/rules/lex-bot-conversation-logs-enabled.ts';
import { rule as lexLogsEncrypted } from '../../src/evaluate/rules/lex-bot-conversation-logs-encrypted-with-kms-key.ts';
import { rule as streamKey } from '../../src/evaluate/rules/rekognition-stream-processor-encrypted-with-kms-key.ts';
import { rule as customLabelsKey } from '../../src/evaluate/rules/rekognition-custom-labels-model-encrypted-with-kms-key.ts';
import { failed, ok, statuses, keyManagedBy, runRule as runBare } from '../helpers/evidence.ts';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1f0c2a3b-0000-4000-8000-00000000a001';
/** KMS reports KEY as customer-managed, as it does in a real account: rules resolve every key they are shown. */
const runRule: typeof runBare = (rule, records, opts) => runBare(rule, [...records, keyManagedBy(KEY)], opts);

describe('comprehend analysis jobs', () => {
  const entities = (jobs: unknown[]) => ok('comprehend.ListEntitiesDetectionJobs', { EntitiesDetectionJobPropertiesList: jobs });
  const classification = (jobs: unknown[]) => ok('comprehend.ListDocumentClassificationJobs', { DocumentClassificationJobPropertiesList: jobs });
  const hardened = { JobId: 'j1', JobName: 'hardened', VolumeKmsKeyId: KEY, OutputDataConfig: { S3Uri: 's3://b/out/', KmsKeyId: KEY }, VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] } };
  const adhoc = { JobId: 'j2', JobName: 'adhoc', VolumeKmsKeyId: KEY, OutputDataConfig: { S3Uri: 's3://b/out/' } };

  it('judges both job kinds as one population', () => {
    expect(runRule(comprehendKeys, [entities([hardened]), classification([adhoc])]).map((f) => [f.resource.id, f.resource.type, f.status])).toEqual([
      ['hardened/j1', 'AWS::Comprehend::EntitiesDetectionJob', 'pass'],
      ['adhoc/j2', 'AWS::Comprehend::DocumentClassificationJob', 'fail'],
    ]);
    expect(statuses(runRule(comprehendVpc, [entities([hardened]), classification([adhoc])]))).toEqual(['pass', 'fail']);
  });
  it('is unknown if either list failed and not applicable when both are empty', () => {
    expect(statuses(runRule(comprehendVpc, [entities([hardened]), failed('comprehend.ListDocumentClassificationJobs')]))).toEqual(['unknown']);
    expect(statuses(runRule(comprehendKeys, [entities([]), classification([])]))).toEqual(['not_applicable']);
  });
});

describe('lex conversation logs', () => {
  const bots = ok('lex-models-v2.ListBots', { botSummaries: [{ botId: 'B1', botName: 'intake' }] });
  const aliases = ok('lex-models-v2.ListBotAliases', { botAliasSummaries: [{ botAliasId: 'TSTALIASID', botAliasName: 'TestBotAlias' }, { botAliasId: 'P1', botAliasName: 'prod' }, { botAliasId: 'S1', botAliasName: 'staging' }] }, { input: { botId: 'B1' } });
  const group = 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lex/intake';
  const describe = (id: string, settings: unknown) => ok('lex-models-v2.DescribeBotAlias', { botAliasId: id, conversationLogSettings: settings }, { input: { botId: 'B1', botAliasId: id } });
  const prod = describe('P1', {
    textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group, logPrefix: 'x' } } }],
    audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::audio', kmsKeyArn: KEY } } }],
  });
  const staging = describe('S1', { textLogSettings: [], audioLogSettings: [] });
  const logGroups = (kmsKeyId?: string) => ok('cloudwatch-logs.DescribeLogGroups', { logGroups: [{ logGroupName: '/aws/lex/intake', ...(kmsKeyId ? { kmsKeyId } : {}) }] });

  it('lex-bot-conversation-logs-enabled: passes logged aliases, fails silent ones, skips TestBotAlias', () => {
    expect(runRule(lexLogs, [bots, aliases, prod, staging]).map((f) => [f.resource.id, f.status])).toEqual([['intake/prod', 'pass'], ['intake/staging', 'fail']]);
  });
  it('lex-bot-conversation-logs-encrypted-with-kms-key: log group key and audio bucket key both count', () => {
    expect(statuses(runRule(lexLogsEncrypted, [bots, aliases, prod, staging, logGroups(KEY)]))).toEqual(['pass', 'not_applicable']);
    expect(statuses(runRule(lexLogsEncrypted, [bots, aliases, prod, staging, logGroups()]))).toEqual(['fail', 'not_applicable']);
    const audioWithoutKey = describe('P1', { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::audio' } } }] });
    expect(statuses(runRule(lexLogsEncrypted, [bots, aliases, audioWithoutKey, staging, logGroups(KEY)]))).toEqual(['fail', 'not_applicable']);
    const f = runRule(lexLogsEncrypted, [bots, aliases, prod, staging, logGroups(KEY)]);
    expect(f[0]!.evidence.some((id) => id.includes('DescribeLogGroups'))).toBe(true);
  });
  it('is unknown when the log groups or aliases cannot be read, not applicable without bots', () => {
    expect(statuses(runRule(lexLogsEncrypted, [bots, aliases, prod, staging, failed('cloudwatch-logs.DescribeLogGroups')]))).toEqual(['unknown', 'not_applicable']);
    expect(statuses(runRule(lexLogs, [bots, failed('lex-models-v2.ListBotAliases', { input: { botId: 'B1' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(lexLogs, [bots, aliases, staging]))).toEqual(['unknown', 'fail']);
    expect(statuses(runRule(lexLogs, [ok('lex-models-v2.ListBots', { botSummaries: [] })]))).toEqual(['not_applicable']);
  });
});

describe('rekognition', () => {
  it('rekognition-stream-processor-encrypted-with-kms-key', () => {
    const list = ok('rekognition.ListStreamProcessors', { StreamProcessors: [{ Name: 'a' }, { Name: 'b' }] });
    const f = runRule(streamKey, [list, ok('rekognition.DescribeStreamProcessor', { Name: 'a', KmsKeyId: KEY }, { input: { Name: 'a' } }), ok('rekognition.DescribeStreamProcessor', { Name: 'b' }, { input: { Name: 'b' } })]);
    expect(statuses(f)).toEqual(['pass', 'fail']);
    expect(statuses(runRule(streamKey, [ok('rekognition.ListStreamProcessors', { StreamProcessors: [] })]))).toEqual(['not_applicable']);
  });
  it('rekognition-custom-labels-model-encrypted-with-kms-key: one finding per model version; AccessDenied is unknown', () => {
    const project = 'arn:aws:rekognition:eu-west-1:111122223333:project/wounds/1698765432100';
    const version = (v: string) => `arn:aws:rekognition:eu-west-1:111122223333:project/wounds/version/${v}/1725148800000`;
    const records = [
      ok('rekognition.DescribeProjects', { ProjectDescriptions: [{ ProjectArn: project }] }),
      ok('rekognition.DescribeProjectVersions', { ProjectVersionDescriptions: [{ ProjectVersionArn: version('v2'), KmsKeyId: KEY }, { ProjectVersionArn: version('v1') }] }, { input: { ProjectArn: project } }),
    ];
    expect(runRule(customLabelsKey, records).map((f) => [f.resource.id, f.status])).toEqual([['wounds/v2', 'pass'], ['wounds/v1', 'fail']]);
    expect(statuses(runRule(customLabelsKey, [failed('rekognition.DescribeProjects')]))).toEqual(['unknown']);
    expect(statuses(runRule(customLabelsKey, [ok('rekognition.DescribeProjects', { ProjectDescriptions: [] })]))).toEqual(['not_applicable']);
  });
});

describe('comprehend-custom-model-encrypted-with-kms-key', () => {
  const recognizers = (models: unknown[]) => ok('comprehend.ListEntityRecognizers', { EntityRecognizerPropertiesList: models });
  const classifiers = (models: unknown[]) => ok('comprehend.ListDocumentClassifiers', { DocumentClassifierPropertiesList: models });
  const arn = (kind: string, name: string) => `arn:aws:comprehend:eu-west-1:111122223333:${kind}/${name}/version/v1`;
  it('needs both the model key and the volume key', () => {
    const f = runRule(comprehendModels, [
      recognizers([{ EntityRecognizerArn: arn('entity-recognizer', 'meds'), ModelKmsKeyId: KEY, VolumeKmsKeyId: KEY }]),
      classifiers([{ DocumentClassifierArn: arn('document-classifier', 'tickets'), ModelKmsKeyId: KEY }]),
    ]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['meds/v1', 'pass'], ['tickets/v1', 'fail']]);
  });
  it('is unknown if a list failed, not applicable without models', () => {
    expect(statuses(runRule(comprehendModels, [failed('comprehend.ListEntityRecognizers'), classifiers([])]))).toEqual(['unknown']);
    expect(statuses(runRule(comprehendModels, [recognizers([]), classifiers([])]))).toEqual(['not_applicable']);
  });
});
