import { describe, expect, it } from 'vitest';
import { rule as logging } from '../../src/evaluate/rules/bedrock-model-invocation-logging-enabled.ts';
import { rule as logsEncrypted } from '../../src/evaluate/rules/bedrock-invocation-logs-encrypted-with-kms-key.ts';
import { rule as guardrailConfigured } from '../../src/evaluate/rules/bedrock-guardrail-configured.ts';
import { rule as contentFilters } from '../../src/evaluate/rules/bedrock-guardrail-content-filters-high.ts';
import { rule as sensitiveInfo } from '../../src/evaluate/rules/bedrock-guardrail-sensitive-information-filter-configured.ts';
import { rule as promptAttack } from '../../src/evaluate/rules/bedrock-guardrail-prompt-attack-filter-high.ts';
import { rule as customModelKey } from '../../src/evaluate/rules/bedrock-custom-model-encrypted-with-kms-key.ts';
import { rule as customizationVpc } from '../../src/evaluate/rules/bedrock-customization-job-in-vpc.ts';
import { rule as agentKey } from '../../src/evaluate/rules/bedrock-agent-encrypted-with-kms-key.ts';
import { rule as agentGuardrail } from '../../src/evaluate/rules/bedrock-agent-guardrail-attached.ts';
import { rule as dataSourceKey } from '../../src/evaluate/rules/bedrock-knowledge-base-data-source-encrypted-with-kms-key.ts';
import { failed, notConfigured, ok, statuses, keyManagedBy, runRule as runBare } from '../helpers/evidence.ts';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1f0c2a3b-0000-4000-8000-00000000a001';
/** KMS reports KEY as customer-managed, as it does in a real account: rules resolve every key they are shown. */
const runRule: typeof runBare = (rule, records, opts) => runBare(rule, [...records, keyManagedBy(KEY)], opts);
const TWO_REGIONS = { scope: { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] } };
const loggingConfig = (response: unknown, region = 'eu-west-1') => ok('bedrock.GetModelInvocationLoggingConfiguration', response, { region });

describe('bedrock-model-invocation-logging-enabled', () => {
  it('passes a region with a destination and fails one where logging was never configured (empty answer)', () => {
    const f = runRule(logging, [loggingConfig({ loggingConfig: { s3Config: { bucketName: 'logs' }, textDataDeliveryEnabled: true } }), loggingConfig({}, 'us-east-1')], TWO_REGIONS);
    expect(f.map((x) => [x.region, x.status])).toEqual([['eu-west-1', 'pass'], ['us-east-1', 'fail']]);
  });
  it('fails when text delivery is off, and is unknown on an API error or missing evidence', () => {
    expect(statuses(runRule(logging, [loggingConfig({ loggingConfig: { cloudWatchConfig: { logGroupName: 'g', roleArn: 'r' }, textDataDeliveryEnabled: false } })]))).toEqual(['fail']);
    expect(statuses(runRule(logging, [failed('bedrock.GetModelInvocationLoggingConfiguration')]))).toEqual(['unknown']);
    expect(statuses(runRule(logging, []))).toEqual(['unknown']);
  });
});

describe('bedrock-invocation-logs-encrypted-with-kms-key', () => {
  const config = (large?: string) => loggingConfig({ loggingConfig: { s3Config: { bucketName: 'logs' }, cloudWatchConfig: { logGroupName: '/aws/bedrock/inv', roleArn: 'r', ...(large ? { largeDataDeliveryS3Config: { bucketName: large } } : {}) } } });
  const bucket = (name: string, rule: unknown) => ok('s3.GetBucketEncryption', { ServerSideEncryptionConfiguration: { Rules: [rule] } }, { region: 'global', input: { Bucket: name } });
  const groups = (kmsKeyId?: string) => ok('cloudwatch-logs.DescribeLogGroups', { logGroups: [{ logGroupName: '/aws/bedrock/inv', ...(kmsKeyId ? { kmsKeyId } : {}) }] });
  const kms = { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY } };
  const sseS3 = { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } };
  const judged = (records: Parameters<typeof runRule>[1]) => runRule(logsEncrypted, records).map((f) => [f.resource.id, f.status]);

  it('judges each destination: customer-key bucket and log group pass', () => {
    expect(judged([config(), bucket('logs', kms), groups(KEY)])).toEqual([['logs', 'pass'], ['/aws/bedrock/inv', 'pass']]);
  });
  it('fails an SSE-S3 or unconfigured bucket, a log group without a key, and an SSE-S3 large-payload bucket', () => {
    expect(judged([config(), bucket('logs', sseS3), groups(KEY)])).toEqual([['logs', 'fail'], ['/aws/bedrock/inv', 'pass']]);
    expect(judged([config(), notConfigured('s3.GetBucketEncryption', 'ServerSideEncryptionConfigurationNotFoundError', { region: 'global', input: { Bucket: 'logs' } }), groups(KEY)])).toEqual([['logs', 'fail'], ['/aws/bedrock/inv', 'pass']]);
    expect(judged([config(), bucket('logs', kms), groups()])).toEqual([['logs', 'pass'], ['/aws/bedrock/inv', 'fail']]);
    expect(judged([config('big'), bucket('logs', kms), bucket('big', sseS3), groups(KEY)])).toEqual([['logs', 'pass'], ['big', 'fail'], ['/aws/bedrock/inv', 'pass']]);
  });
  it('is unknown when a destination cannot be read, not applicable without logging', () => {
    expect(judged([config(), bucket('logs', kms), failed('cloudwatch-logs.DescribeLogGroups')])).toEqual([['logs', 'pass'], ['/aws/bedrock/inv', 'unknown']]);
    expect(judged([config(), bucket('logs', kms), ok('cloudwatch-logs.DescribeLogGroups', { logGroups: [] })])).toEqual([['logs', 'pass'], ['/aws/bedrock/inv', 'unknown']]);
    expect(statuses(runRule(logsEncrypted, [failed('bedrock.GetModelInvocationLoggingConfiguration')]))).toEqual(['unknown']);
    expect(statuses(runRule(logsEncrypted, [loggingConfig({})]))).toEqual(['not_applicable']);
  });
});

describe('bedrock guardrails', () => {
  const list = (ids: string[]) => ok('bedrock.ListGuardrails', { guardrails: ids.map((id) => ({ id, name: id, arn: `arn:aws:bedrock:eu-west-1:111122223333:guardrail/${id}`, status: 'READY' })) });
  const get = (id: string, filters: unknown[]) => ok('bedrock.GetGuardrail', { guardrailId: id, contentPolicy: { filters } }, { input: { guardrailIdentifier: id } });
  // As GetGuardrail answers: every filter states whether each side is enabled and its action.
  const f = (type: string, inputStrength: string, outputStrength: string, extra: Record<string, unknown> = {}) => ({ type, inputStrength, outputStrength, inputEnabled: true, outputEnabled: true, inputAction: 'BLOCK', outputAction: 'BLOCK', ...extra });
  const HARMFUL = ['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'];
  const strict = [...HARMFUL.map((t) => f(t, 'HIGH', 'HIGH')), f('PROMPT_ATTACK', 'HIGH', 'NONE')];

  it('bedrock-guardrail-configured: pass with a READY guardrail, fail with none, unknown on error', () => {
    expect(statuses(runRule(guardrailConfigured, [list(['g'])]))).toEqual(['pass']);
    expect(statuses(runRule(guardrailConfigured, [list([])]))).toEqual(['fail']);
    expect(statuses(runRule(guardrailConfigured, [failed('bedrock.ListGuardrails')]))).toEqual(['unknown']);
  });
  it('content filters: HIGH everywhere passes; MEDIUM, a missing category or a detect-only filter fails', () => {
    const cases = {
      strict,
      medium: [...HARMFUL.map((t) => f(t, t === 'HATE' ? 'MEDIUM' : 'HIGH', 'HIGH'))],
      missing: HARMFUL.filter((t) => t !== 'MISCONDUCT').map((t) => f(t, 'HIGH', 'HIGH')),
      detectOnly: HARMFUL.map((t) => f(t, 'HIGH', 'HIGH', t === 'VIOLENCE' ? { inputAction: 'NONE' } : {})),
      noOutput: HARMFUL.map((t) => f(t, 'HIGH', t === 'SEXUAL' ? 'NONE' : 'HIGH')),
    };
    const names = Object.keys(cases);
    const found = runRule(contentFilters, [list(names), ...Object.entries(cases).map(([id, fl]) => get(id, fl))]);
    expect(found.map((x) => [x.resource.id, x.status])).toEqual([['strict', 'pass'], ['medium', 'fail'], ['missing', 'fail'], ['detectOnly', 'fail'], ['noOutput', 'fail']]);
  });
  it('content filters: a filter whose answer lacks its action is unknown, not read as blocking', () => {
    const { inputAction: _absent, ...violence } = f('VIOLENCE', 'HIGH', 'HIGH');
    const found = runRule(contentFilters, [list(['partial']), get('partial', [...HARMFUL.filter((t) => t !== 'VIOLENCE').map((t) => f(t, 'HIGH', 'HIGH')), violence])]);
    expect(found.map((x) => [x.status, x.reason])).toEqual([['unknown', 'The VIOLENCE filter lacks inputAction, so it cannot be judged.']]);
  });
  it('prompt attack: HIGH and blocking passes; LOW, disabled or absent fails; unknown if GetGuardrail failed; n/a without guardrails', () => {
    const found = runRule(promptAttack, [
      list(['strict', 'low', 'disabled', 'none', 'gone']),
      get('strict', strict),
      get('low', [f('PROMPT_ATTACK', 'LOW', 'NONE')]),
      get('disabled', [f('PROMPT_ATTACK', 'HIGH', 'NONE', { inputEnabled: false })]),
      get('none', HARMFUL.map((t) => f(t, 'HIGH', 'HIGH'))),
      failed('bedrock.GetGuardrail', { input: { guardrailIdentifier: 'gone' } }),
    ]);
    expect(statuses(found)).toEqual(['pass', 'fail', 'fail', 'fail', 'unknown']);
    expect(statuses(runRule(promptAttack, [list([])]))).toEqual(['not_applicable']);
  });
  it('sensitive information: an output-side BLOCK or ANONYMIZE passes; detect-only or absent fails', () => {
    const getPii = (id: string, policy?: unknown) => ok('bedrock.GetGuardrail', { guardrailId: id, ...(policy ? { sensitiveInformationPolicy: policy } : {}) }, { input: { guardrailIdentifier: id } });
    const found = runRule(sensitiveInfo, [
      list(['masked', 'regex', 'detect', 'inputOnly', 'none']),
      getPii('masked', { piiEntities: [{ type: 'NAME', action: 'ANONYMIZE' }] }),
      getPii('regex', { piiEntities: [], regexes: [{ name: 'mrn', pattern: 'MRN-\\d+', action: 'BLOCK' }] }),
      getPii('detect', { piiEntities: [{ type: 'EMAIL', action: 'NONE' }] }),
      getPii('inputOnly', { piiEntities: [{ type: 'EMAIL', action: 'BLOCK', outputEnabled: false }] }),
      getPii('none'),
    ]);
    expect(statuses(found)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail']);
  });
});

describe('custom models, customization jobs and agents', () => {
  it('bedrock-custom-model-encrypted-with-kms-key', () => {
    const arn = (n: string) => `arn:aws:bedrock:eu-west-1:111122223333:custom-model/base/${n}`;
    const list = ok('bedrock.ListCustomModels', { modelSummaries: ['a', 'b'].map((n) => ({ modelArn: arn(n), modelName: n })) });
    const f = runRule(customModelKey, [list, ok('bedrock.GetCustomModel', { modelKmsKeyArn: KEY }, { input: { modelIdentifier: arn('a') } }), ok('bedrock.GetCustomModel', {}, { input: { modelIdentifier: arn('b') } })]);
    expect(statuses(f)).toEqual(['pass', 'fail']);
    expect(statuses(runRule(customModelKey, [ok('bedrock.ListCustomModels', { modelSummaries: [] })]))).toEqual(['not_applicable']);
  });
  it('bedrock-customization-job-in-vpc', () => {
    const arn = (n: string) => `arn:aws:bedrock:eu-west-1:111122223333:model-customization-job/base/${n}`;
    const list = ok('bedrock.ListModelCustomizationJobs', { modelCustomizationJobSummaries: ['a', 'b'].map((n) => ({ jobArn: arn(n), jobName: n })) });
    const f = runRule(customizationVpc, [list, ok('bedrock.GetModelCustomizationJob', { vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] } }, { input: { jobIdentifier: arn('a') } }), ok('bedrock.GetModelCustomizationJob', {}, { input: { jobIdentifier: arn('b') } })]);
    expect(statuses(f)).toEqual(['pass', 'fail']);
    expect(statuses(runRule(customizationVpc, [failed('bedrock.ListModelCustomizationJobs')]))).toEqual(['unknown']);
  });
  it('bedrock-agent-encrypted-with-kms-key and bedrock-agent-guardrail-attached', () => {
    const records = [
      ok('bedrock-agent.ListAgents', { agentSummaries: [{ agentId: 'A1', agentName: 'hardened' }, { agentId: 'A2', agentName: 'proto' }] }),
      ok('bedrock-agent.GetAgent', { agent: { agentId: 'A1', customerEncryptionKeyArn: KEY, guardrailConfiguration: { guardrailIdentifier: 'g', guardrailVersion: '1' } } }, { input: { agentId: 'A1' } }),
      ok('bedrock-agent.GetAgent', { agent: { agentId: 'A2' } }, { input: { agentId: 'A2' } }),
    ];
    expect(statuses(runRule(agentKey, records))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(agentGuardrail, records))).toEqual(['pass', 'fail']);
    expect(statuses(runRule(agentGuardrail, [ok('bedrock-agent.ListAgents', { agentSummaries: [] })]))).toEqual(['not_applicable']);
  });
});

describe('bedrock-knowledge-base-data-source-encrypted-with-kms-key', () => {
  const kbs = ok('bedrock-agent.ListKnowledgeBases', { knowledgeBaseSummaries: [{ knowledgeBaseId: 'KB1', name: 'kb' }] });
  const sources = ok('bedrock-agent.ListDataSources', { dataSourceSummaries: [{ dataSourceId: 'D1', name: 'enc' }, { dataSourceId: 'D2', name: 'plain' }] }, { input: { knowledgeBaseId: 'KB1' } });
  const get = (id: string, sse?: unknown) => ok('bedrock-agent.GetDataSource', { dataSource: { dataSourceId: id, ...(sse ? { serverSideEncryptionConfiguration: sse } : {}) } }, { input: { knowledgeBaseId: 'KB1', dataSourceId: id } });
  it('passes a data source with a customer key and fails one without', () => {
    expect(runRule(dataSourceKey, [kbs, sources, get('D1', { kmsKeyArn: KEY }), get('D2')]).map((x) => [x.resource.id, x.status])).toEqual([['kb/enc', 'pass'], ['kb/plain', 'fail']]);
  });
  it('is unknown when data sources cannot be listed, not applicable without knowledge bases', () => {
    expect(statuses(runRule(dataSourceKey, [kbs, failed('bedrock-agent.ListDataSources', { input: { knowledgeBaseId: 'KB1' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(dataSourceKey, [ok('bedrock-agent.ListKnowledgeBases', { knowledgeBaseSummaries: [] })]))).toEqual(['not_applicable']);
  });
});
