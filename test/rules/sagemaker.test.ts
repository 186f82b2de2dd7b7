import { describe, expect, it } from 'vitest';
import { RECENT_TRAINING_JOBS_INPUT } from '../../src/collect/call-inputs.ts';
import { rule as directInternet } from '../../src/evaluate/rules/sagemaker-notebook-direct-internet-disabled.ts';
import { rule as rootAccess } from '../../src/evaluate/rules/sagemaker-notebook-root-access-disabled.ts';
import { rule as notebookKey } from '../../src/evaluate/rules/sagemaker-notebook-encrypted-with-kms-key.ts';
import { rule as notebookSubnet } from '../../src/evaluate/rules/sagemaker-notebook-in-vpc-subnet.ts';
import { rule as trainIsolation } from '../../src/evaluate/rules/sagemaker-training-job-network-isolation-enabled.ts';
import { rule as trainIce } from '../../src/evaluate/rules/sagemaker-training-job-inter-container-encryption-enabled.ts';
import { rule as trainVpc } from '../../src/evaluate/rules/sagemaker-training-job-in-vpc.ts';
import { rule as trainVolume } from '../../src/evaluate/rules/sagemaker-training-job-volume-encrypted-with-kms-key.ts';
import { rule as trainOutput } from '../../src/evaluate/rules/sagemaker-training-job-output-encrypted-with-kms-key.ts';
import { rule as configKey } from '../../src/evaluate/rules/sagemaker-endpoint-config-encrypted-with-kms-key.ts';
import { rule as captureKey } from '../../src/evaluate/rules/sagemaker-endpoint-data-capture-encrypted-with-kms-key.ts';
import { rule as modelIsolation } from '../../src/evaluate/rules/sagemaker-model-network-isolation-enabled.ts';
import { rule as modelVpc } from '../../src/evaluate/rules/sagemaker-model-in-vpc.ts';
import { rule as fromRegistry } from '../../src/evaluate/rules/sagemaker-model-deployed-from-registry.ts';
import { rule as monitoring } from '../../src/evaluate/rules/sagemaker-endpoint-model-monitoring-scheduled.ts';
import { rule as vpcOnly } from '../../src/evaluate/rules/sagemaker-studio-domain-vpc-only.ts';
import { rule as domainKey } from '../../src/evaluate/rules/sagemaker-studio-domain-encrypted-with-kms-key.ts';
import { DescribeTrainingJobCommand, ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import { byKey, collect, mockAllClients } from '../collect/harness.ts';
import { failed, keyManagedBy, ok, runRule, statuses } from '../helpers/evidence.ts';
import type { Rule } from '../../src/evaluate/rule.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1f0c2a3b-0000-4000-8000-00000000a001';
const VPC = { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] };

/** A list-then-describe resource family: how to list N items and describe each. */
interface Family {
  list: (names: string[]) => EvidenceRecord;
  listFailed: () => EvidenceRecord;
  describe: (name: string, d: Record<string, unknown>) => EvidenceRecord;
}
const arn = (kind: string, n: string) => `arn:aws:sagemaker:eu-west-1:111122223333:${kind}/${n}`;
const notebooks: Family = {
  list: (ns) => ok('sagemaker.ListNotebookInstances', { NotebookInstances: ns.map((n) => ({ NotebookInstanceName: n, NotebookInstanceArn: arn('notebook-instance', n) })) }),
  listFailed: () => failed('sagemaker.ListNotebookInstances'),
  describe: (n, d) => ok('sagemaker.DescribeNotebookInstance', { NotebookInstanceName: n, ...d }, { input: { NotebookInstanceName: n } }),
};
const trainingJobs: Family = {
  list: (ns) => ok('sagemaker.ListTrainingJobs', { TrainingJobSummaries: ns.map((n) => ({ TrainingJobName: n, TrainingJobArn: arn('training-job', n) })) }, { input: { ...RECENT_TRAINING_JOBS_INPUT } }),
  listFailed: () => failed('sagemaker.ListTrainingJobs', { input: { ...RECENT_TRAINING_JOBS_INPUT } }),
  describe: (n, d) => ok('sagemaker.DescribeTrainingJob', { TrainingJobName: n, ...d }, { input: { TrainingJobName: n } }),
};
const endpointConfigs: Family = {
  list: (ns) => ok('sagemaker.ListEndpointConfigs', { EndpointConfigs: ns.map((n) => ({ EndpointConfigName: n, EndpointConfigArn: arn('endpoint-config', n) })) }),
  listFailed: () => failed('sagemaker.ListEndpointConfigs'),
  describe: (n, d) => ok('sagemaker.DescribeEndpointConfig', { EndpointConfigName: n, ...d }, { input: { EndpointConfigName: n } }),
};
const models: Family = {
  list: (ns) => ok('sagemaker.ListModels', { Models: ns.map((n) => ({ ModelName: n, ModelArn: arn('model', n) })) }),
  listFailed: () => failed('sagemaker.ListModels'),
  describe: (n, d) => ok('sagemaker.DescribeModel', { ModelName: n, ...d }, { input: { ModelName: n } }),
};
const domains: Family = {
  list: (ns) => ok('sagemaker.ListDomains', { Domains: ns.map((n) => ({ DomainId: n, DomainArn: arn('domain', n) })) }),
  listFailed: () => failed('sagemaker.ListDomains'),
  describe: (n, d) => ok('sagemaker.DescribeDomain', { DomainId: n, ...d }, { input: { DomainId: n } }),
};

/** Each case: a compliant describe, a non-compliant one. */
const CASES: [Rule, Family, Record<string, unknown>, Record<string, unknown>][] = [
  [directInternet, notebooks, { DirectInternetAccess: 'Disabled' }, { DirectInternetAccess: 'Enabled' }],
  [rootAccess, notebooks, { RootAccess: 'Disabled' }, {}],
  [notebookKey, notebooks, { KmsKeyId: KEY }, {}],
  [notebookSubnet, notebooks, { SubnetId: 'subnet-1', SecurityGroups: ['sg-1'] }, {}],
  [trainIsolation, trainingJobs, { EnableNetworkIsolation: true }, { EnableNetworkIsolation: false }],
  [trainIce, trainingJobs, { EnableInterContainerTrafficEncryption: true }, {}],
  [trainVpc, trainingJobs, { VpcConfig: VPC }, {}],
  [trainVolume, trainingJobs, { ResourceConfig: { VolumeKmsKeyId: KEY } }, { ResourceConfig: {} }],
  [trainOutput, trainingJobs, { OutputDataConfig: { KmsKeyId: KEY } }, { OutputDataConfig: { KmsKeyId: 'alias/aws/s3' } }],
  [configKey, endpointConfigs, { KmsKeyId: KEY }, {}],
  [captureKey, endpointConfigs, { DataCaptureConfig: { EnableCapture: true, KmsKeyId: KEY } }, { DataCaptureConfig: { EnableCapture: true } }],
  [modelIsolation, models, { EnableNetworkIsolation: true }, {}],
  [modelVpc, models, { VpcConfig: VPC }, { VpcConfig: { Subnets: [] } }],
  [fromRegistry, models, { PrimaryContainer: { ModelPackageName: 'arn:aws:sagemaker:eu-west-1:111122223333:model-package/g/1' } }, { PrimaryContainer: { ModelDataUrl: 's3://b/model.tar.gz' } }],
  [vpcOnly, domains, { AppNetworkAccessType: 'VpcOnly' }, { AppNetworkAccessType: 'PublicInternetOnly' }],
  [domainKey, domains, { KmsKeyId: KEY }, {}],
];

describe.each(CASES.map(([rule, ...rest]) => [rule.controlId, rule, ...rest] as const))('%s', (_id, rule, family, good, bad) => {
  it(`${rule.controlId}: passes the compliant resource and fails the other`, () => {
    const f = runRule(rule, [family.list(['good', 'bad']), family.describe('good', good), family.describe('bad', bad), keyManagedBy(KEY)]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['good', 'pass'], ['bad', 'fail']]);
    expect(f[1]!.evidence.length).toBe(2);
  });
  it(`${rule.controlId}: unknown when the list or a describe failed, not_applicable with nothing listed`, () => {
    expect(statuses(runRule(rule, [family.listFailed()]))).toEqual(['unknown']);
    expect(statuses(runRule(rule, [family.list(['a'])]))).toEqual(['unknown']);
    expect(statuses(runRule(rule, [family.list([])]))).toEqual(['not_applicable']);
  });
});

describe('customer-managed key resolution (all CMK controls share it)', () => {
  const AWS_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/aws-sagemaker-managed';
  it('fails an AWS managed key named by its key ARN, not only by its alias', () => {
    const f = runRule(notebookKey, [notebooks.list(['a']), notebooks.describe('a', { KmsKeyId: AWS_KEY }), keyManagedBy(AWS_KEY, 'AWS')]);
    expect(statuses(f)).toEqual(['fail']);
    expect(f[0]!.reason).toMatch(/AWS managed/);
  });
  it('is unknown, never pass, when KMS cannot say who manages the key', () => {
    expect(statuses(runRule(notebookKey, [notebooks.list(['a']), notebooks.describe('a', { KmsKeyId: KEY })]))).toEqual(['unknown']);
    expect(statuses(runRule(notebookKey, [notebooks.list(['a']), notebooks.describe('a', { KmsKeyId: KEY }), failed('kms.DescribeKey', { input: { KeyId: '1f0c2a3b-0000-4000-8000-00000000a001' } })]))).toEqual(['unknown']);
  });
  it('passes a key of another account without a lookup (AWS managed keys cannot be shared)', () => {
    expect(statuses(runRule(notebookKey, [notebooks.list(['a']), notebooks.describe('a', { KmsKeyId: 'arn:aws:kms:eu-west-1:444455556666:key/shared' })]))).toEqual(['pass']);
  });
});

describe('sagemaker-endpoint-data-capture-encrypted-with-kms-key', () => {
  it('is not applicable for a configuration without data capture', () => {
    expect(statuses(runRule(captureKey, [endpointConfigs.list(['c']), endpointConfigs.describe('c', { KmsKeyId: KEY })]))).toEqual(['not_applicable']);
  });
});

describe('sagemaker-endpoint-model-monitoring-scheduled', () => {
  const endpoints = ok('sagemaker.ListEndpoints', { Endpoints: ['a', 'b', 'c'].map((n) => ({ EndpointName: n, EndpointArn: arn('endpoint', n) })) }, { input: { StatusEquals: 'InService' } });
  const schedules = ok('sagemaker.ListMonitoringSchedules', {
    MonitoringScheduleSummaries: [
      { MonitoringScheduleName: 'a-dq', EndpointName: 'a', MonitoringScheduleStatus: 'Scheduled', MonitoringType: 'DataQuality' },
      { MonitoringScheduleName: 'a-mq', EndpointName: 'a', MonitoringScheduleStatus: 'Scheduled', MonitoringType: 'ModelQuality' },
      { MonitoringScheduleName: 'b-dq', EndpointName: 'b', MonitoringScheduleStatus: 'Scheduled', MonitoringType: 'DataQuality' },
      { MonitoringScheduleName: 'b-mq', EndpointName: 'b', MonitoringScheduleStatus: 'Stopped', MonitoringType: 'ModelQuality' },
    ],
  });
  it('passes an endpoint with running data quality and model quality monitors, fails stopped or missing ones', () => {
    const f = runRule(monitoring, [endpoints, schedules]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['a', 'pass'], ['b', 'fail'], ['c', 'fail']]);
    expect(f[1].reason).toMatch(/No running ModelQuality monitor/);
  });
  it('does not accept a bias or explainability monitor in place of the quality monitors; an untyped running schedule is unknown', () => {
    const only = (type?: string) => ok('sagemaker.ListMonitoringSchedules', {
      MonitoringScheduleSummaries: [
        { MonitoringScheduleName: 'a-dq', EndpointName: 'a', MonitoringScheduleStatus: 'Scheduled', MonitoringType: 'DataQuality' },
        { MonitoringScheduleName: 'a-x', EndpointName: 'a', MonitoringScheduleStatus: 'Scheduled', ...(type ? { MonitoringType: type } : {}) },
      ],
    });
    const one = ok('sagemaker.ListEndpoints', { Endpoints: [{ EndpointName: 'a', EndpointArn: arn('endpoint', 'a') }] }, { input: { StatusEquals: 'InService' } });
    expect(statuses(runRule(monitoring, [one, only('ModelBias')]))).toEqual(['fail']);
    expect(statuses(runRule(monitoring, [one, only('ModelExplainability')]))).toEqual(['fail']);
    expect(statuses(runRule(monitoring, [one, only()]))).toEqual(['unknown']);
  });
  it('is unknown without the schedule list and not applicable without in-service endpoints', () => {
    expect(statuses(runRule(monitoring, [endpoints, failed('sagemaker.ListMonitoringSchedules')]))).toEqual(['unknown', 'unknown', 'unknown']);
    expect(statuses(runRule(monitoring, [ok('sagemaker.ListEndpoints', { Endpoints: [] }, { input: { StatusEquals: 'InService' } }), schedules]))).toEqual(['not_applicable']);
  });
});

describe('sagemaker collectors (aws-sdk-client-mock)', () => {
  const named = async (name: string) => (await loadCollectors()).filter((c) => c.name === name);

  it('lists one fixed page of the newest training jobs (replayable) and describes each', async () => {
    const { mocks, restore } = await mockAllClients();
    try {
      mocks.sagemaker.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [{ TrainingJobName: 'j', TrainingJobArn: arn('training-job', 'j'), CreationTime: new Date(), TrainingJobStatus: 'Completed' }], NextToken: 'more' });
      mocks.sagemaker.on(DescribeTrainingJobCommand).resolves({ TrainingJobName: 'j', EnableNetworkIsolation: true } as never);
      const records = await collect(await named('sagemaker.training-jobs'));
      const lists = byKey(records, 'sagemaker.ListTrainingJobs');
      expect(lists.map((r) => r.input)).toEqual([{ ...RECENT_TRAINING_JOBS_INPUT }]);
      expect(statuses(runRule(trainIsolation, records))).toEqual(['pass']);
    } finally {
      restore();
    }
  });
});
