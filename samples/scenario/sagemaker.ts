// SageMaker in the sample account: notebooks, training jobs, endpoint configs, models, the model
// registry, endpoints with Model Monitor, and Studio domains. One of each posture, good and bad.
import type {
  DescribeDomainCommandOutput,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  DescribeModelPackageCommandOutput,
  DescribeNotebookInstanceCommandOutput,
  DescribeTrainingJobCommandOutput,
  ListDomainsCommandOutput,
  ListEndpointConfigsCommandOutput,
  ListEndpointsCommandOutput,
  ListModelPackageGroupsCommandOutput,
  ListModelPackagesCommandOutput,
  ListModelsCommandOutput,
  ListMonitoringSchedulesCommandOutput,
  ListNotebookInstancesCommandOutput,
  ListTrainingJobsCommandOutput,
  NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import { paged, simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore, keyArn, KEYS, NETWORK, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);
const EU = NETWORK['eu-west-1'];
const euVpc = { Subnets: [...EU.privateSubnets], SecurityGroupIds: [EU.sgRestricted] };
const image = (region: string, repo: string) => `763104351884.dkr.ecr.${region}.amazonaws.com/${repo}`;

// --- Notebooks -------------------------------------------------------------------------------------
interface Notebook { name: string; region: string; directInternet: 'Enabled' | 'Disabled'; rootAccess: 'Enabled' | 'Disabled'; kmsKeyId?: string; subnetId?: string }

const NOTEBOOKS: Notebook[] = [
  { name: 'clinical-nlp-research', region: 'eu-west-1', directInternet: 'Disabled', rootAccess: 'Disabled', kmsKeyId: ML_KEY, subnetId: EU.privateSubnets[0] },
  { name: 'feature-engineering', region: 'eu-west-1', directInternet: 'Disabled', rootAccess: 'Enabled', kmsKeyId: ML_KEY, subnetId: EU.privateSubnets[1] },
  { name: 'intern-sandbox', region: 'eu-west-1', directInternet: 'Enabled', rootAccess: 'Enabled' },
  { name: 'us-prototype', region: 'us-east-1', directInternet: 'Enabled', rootAccess: 'Disabled' },
];

// --- Training jobs -----------------------------------------------------------------------------------
interface TrainingJob { name: string; region: string; isolated: boolean; interContainer: boolean; vpc: boolean; volumeKey?: string; outputKey?: string; instances: number; daysAgo: number }

const TRAINING_JOBS: TrainingJob[] = [
  { name: 'clinical-ner-train-2026-11-02', region: 'eu-west-1', isolated: true, interContainer: true, vpc: true, volumeKey: ML_KEY, outputKey: ML_KEY, instances: 2, daysAgo: 18 },
  { name: 'readmission-xgb-2026-10-15', region: 'eu-west-1', isolated: false, interContainer: false, vpc: false, outputKey: 'alias/aws/s3', instances: 2, daysAgo: 36 },
  { name: 'us-prototype-finetune-2026-09-30', region: 'us-east-1', isolated: true, interContainer: false, vpc: false, volumeKey: keyArn(KEYS.retiring.region, KEYS.retiring.id), instances: 1, daysAgo: 51 },
];

// --- Endpoint configs, models, endpoints ---------------------------------------------------------------
interface EndpointConfig { name: string; region: string; kmsKey?: string; capture?: { kmsKey?: string } }
const ENDPOINT_CONFIGS: EndpointConfig[] = [
  { name: 'clinical-ner-config-v3', region: 'eu-west-1', kmsKey: ML_KEY, capture: { kmsKey: ML_KEY } },
  { name: 'readmission-config-v1', region: 'eu-west-1', capture: {} },
  { name: 'us-prototype-config', region: 'us-east-1' },
];

interface Model { name: string; region: string; isolated: boolean; vpc: boolean; fromPackage?: string; artifact?: string }
const MODELS: Model[] = [
  { name: 'clinical-ner-v3', region: 'eu-west-1', isolated: true, vpc: true, fromPackage: arn('sagemaker', 'eu-west-1', 'model-package/clinical-ner/1') },
  { name: 'readmission-xgb-v1', region: 'eu-west-1', isolated: false, vpc: false, artifact: `s3://${BUCKETS.modelArtifacts.name}/readmission-xgb/model.tar.gz` },
  { name: 'us-prototype-model', region: 'us-east-1', isolated: true, vpc: false, artifact: `s3://${BUCKETS.modelArtifacts.name}/us-prototype/model.tar.gz` },
];

interface Endpoint { name: string; region: string; config: string; schedule?: { name: string; status: 'Scheduled' | 'Stopped' } }
const ENDPOINTS: Endpoint[] = [
  { name: 'clinical-ner-prod', region: 'eu-west-1', config: 'clinical-ner-config-v3', schedule: { name: 'clinical-ner-prod-data-quality', status: 'Scheduled' } },
  { name: 'readmission-prod', region: 'eu-west-1', config: 'readmission-config-v1', schedule: { name: 'readmission-prod-model-quality', status: 'Stopped' } },
  { name: 'us-prototype-endpoint', region: 'us-east-1', config: 'us-prototype-config' },
];

// --- Model registry (eu-west-1 only) -------------------------------------------------------------------
interface PackageVersion { version: number; status: 'Approved' | 'PendingManualApproval' | 'Rejected'; createdDaysAgo: number; approvedDaysAgo?: number }
const REGISTRY_GROUP = 'clinical-ner';
const PACKAGE_VERSIONS: PackageVersion[] = [
  { version: 1, status: 'Approved', createdDaysAgo: 60, approvedDaysAgo: 57 },
  { version: 2, status: 'Approved', createdDaysAgo: 20 }, // registered as Approved by the pipeline itself
  { version: 3, status: 'PendingManualApproval', createdDaysAgo: 4 },
];
const packageArn = (v: number) => arn('sagemaker', 'eu-west-1', `model-package/${REGISTRY_GROUP}/${v}`);

// --- Studio domains -------------------------------------------------------------------------------------
const DOMAINS = [
  { id: 'd-7k2xq9rbm4ta', name: 'acme-research-studio', region: 'eu-west-1', access: 'VpcOnly' as const, kmsKey: ML_KEY, vpcId: EU.vpcId, subnets: [...EU.privateSubnets] },
  { id: 'd-1p8nw3zvc6hd', name: 'us-sandbox-studio', region: 'us-east-1', access: 'PublicInternetOnly' as const, vpcId: NETWORK['us-east-1'].vpcId, subnets: [...NETWORK['us-east-1'].privateSubnets] },
];

const notFound = (what: string) => simError('ValidationException', 400, `Could not find ${what}.`);
const inRegion = <T extends { region: string }>(items: T[], region: string) => items.filter((x) => x.region === region);

export function register(sim: SimulatedAws): void {
  sim.on<ListNotebookInstancesCommandOutput>('sagemaker.ListNotebookInstances', (input, t) => {
    const all: NotebookInstanceSummary[] = inRegion(NOTEBOOKS, t.region).map((n) => ({
      NotebookInstanceName: n.name,
      NotebookInstanceArn: arn('sagemaker', t.region, `notebook-instance/${n.name}`),
      NotebookInstanceStatus: 'InService',
      InstanceType: 'ml.t3.medium',
      CreationTime: daysBefore(120),
      LastModifiedTime: daysBefore(3),
    }));
    // Small pages so that the sample exercises pagination.
    const { page, next } = paged(all, input, 2);
    return { NotebookInstances: page, NextToken: next };
  });
  sim.on<DescribeNotebookInstanceCommandOutput>('sagemaker.DescribeNotebookInstance', (input, t) => {
    const n = NOTEBOOKS.find((x) => x.name === input.NotebookInstanceName && x.region === t.region);
    if (!n) return simError('ValidationException', 400, `RecordNotFound: notebook ${input.NotebookInstanceName} not found`);
    return {
      NotebookInstanceName: n.name,
      NotebookInstanceArn: arn('sagemaker', t.region, `notebook-instance/${n.name}`),
      NotebookInstanceStatus: 'InService',
      InstanceType: 'ml.t3.medium',
      RoleArn: roleArn(ROLES.sagemakerExecution),
      DirectInternetAccess: n.directInternet,
      RootAccess: n.rootAccess,
      KmsKeyId: n.kmsKeyId,
      SubnetId: n.subnetId,
      SecurityGroups: n.subnetId ? [EU.sgRestricted] : undefined,
      VolumeSizeInGB: 20,
      CreationTime: daysBefore(120),
      LastModifiedTime: daysBefore(3),
      PlatformIdentifier: 'notebook-al2-v3',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    };
  });

  sim.on<ListTrainingJobsCommandOutput>('sagemaker.ListTrainingJobs', (_input, t) => ({
    TrainingJobSummaries: inRegion(TRAINING_JOBS, t.region).map((j) => ({
      TrainingJobName: j.name,
      TrainingJobArn: arn('sagemaker', t.region, `training-job/${j.name}`),
      CreationTime: daysBefore(j.daysAgo),
      TrainingEndTime: daysBefore(j.daysAgo - 1),
      TrainingJobStatus: 'Completed',
    })),
  }));
  sim.on<DescribeTrainingJobCommandOutput>('sagemaker.DescribeTrainingJob', (input, t) => {
    const j = TRAINING_JOBS.find((x) => x.name === input.TrainingJobName && x.region === t.region);
    if (!j) return notFound(`training job ${input.TrainingJobName}`);
    return {
      TrainingJobName: j.name,
      TrainingJobArn: arn('sagemaker', t.region, `training-job/${j.name}`),
      TrainingJobStatus: 'Completed',
      SecondaryStatus: 'Completed',
      RoleArn: roleArn(ROLES.sagemakerExecution),
      AlgorithmSpecification: { TrainingImage: image(t.region, 'huggingface-pytorch-training:2.1.0-transformers4.36.0-gpu-py310-cu121-ubuntu20.04'), TrainingInputMode: 'File' },
      InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKETS.trainingData.name}/${j.name}/train/` } } }],
      OutputDataConfig: { S3OutputPath: `s3://${BUCKETS.modelArtifacts.name}/${j.name}/`, KmsKeyId: j.outputKey },
      ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: j.instances, VolumeSizeInGB: 100, VolumeKmsKeyId: j.volumeKey },
      VpcConfig: j.vpc ? euVpc : undefined,
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      ModelArtifacts: { S3ModelArtifacts: `s3://${BUCKETS.modelArtifacts.name}/${j.name}/output/model.tar.gz` },
      EnableNetworkIsolation: j.isolated,
      EnableInterContainerTrafficEncryption: j.interContainer,
      CreationTime: daysBefore(j.daysAgo),
      TrainingStartTime: daysBefore(j.daysAgo),
      TrainingEndTime: daysBefore(j.daysAgo - 1),
    };
  });

  sim.on<ListEndpointConfigsCommandOutput>('sagemaker.ListEndpointConfigs', (_input, t) => ({
    EndpointConfigs: inRegion(ENDPOINT_CONFIGS, t.region).map((c) => ({ EndpointConfigName: c.name, EndpointConfigArn: arn('sagemaker', t.region, `endpoint-config/${c.name}`), CreationTime: daysBefore(30) })),
  }));
  sim.on<DescribeEndpointConfigCommandOutput>('sagemaker.DescribeEndpointConfig', (input, t) => {
    const c = ENDPOINT_CONFIGS.find((x) => x.name === input.EndpointConfigName && x.region === t.region);
    if (!c) return notFound(`endpoint configuration ${input.EndpointConfigName}`);
    return {
      EndpointConfigName: c.name,
      EndpointConfigArn: arn('sagemaker', t.region, `endpoint-config/${c.name}`),
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: c.name.replace(/-config.*/, ''), InitialInstanceCount: 1, InstanceType: 'ml.m5.xlarge', InitialVariantWeight: 1 }],
      KmsKeyId: c.kmsKey,
      DataCaptureConfig: c.capture
        ? { EnableCapture: true, InitialSamplingPercentage: 20, DestinationS3Uri: `s3://${BUCKETS.modelArtifacts.name}/data-capture/${c.name}/`, KmsKeyId: c.capture.kmsKey, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }] }
        : undefined,
      CreationTime: daysBefore(30),
    };
  });

  sim.on<ListModelsCommandOutput>('sagemaker.ListModels', (_input, t) => ({
    Models: inRegion(MODELS, t.region).map((m) => ({ ModelName: m.name, ModelArn: arn('sagemaker', t.region, `model/${m.name}`), CreationTime: daysBefore(30) })),
  }));
  sim.on<DescribeModelCommandOutput>('sagemaker.DescribeModel', (input, t) => {
    const m = MODELS.find((x) => x.name === input.ModelName && x.region === t.region);
    if (!m) return notFound(`model ${input.ModelName}`);
    return {
      ModelName: m.name,
      ModelArn: arn('sagemaker', t.region, `model/${m.name}`),
      PrimaryContainer: m.fromPackage ? { ModelPackageName: m.fromPackage } : { Image: image(t.region, 'sagemaker-xgboost:1.7-1'), ModelDataUrl: m.artifact },
      ExecutionRoleArn: roleArn(ROLES.sagemakerExecution),
      VpcConfig: m.vpc ? euVpc : undefined,
      EnableNetworkIsolation: m.isolated,
      CreationTime: daysBefore(30),
    };
  });

  sim.on<ListEndpointsCommandOutput>('sagemaker.ListEndpoints', (input, t) => ({
    Endpoints: inRegion(ENDPOINTS, t.region)
      .filter(() => !input.StatusEquals || input.StatusEquals === 'InService')
      .map((e) => ({ EndpointName: e.name, EndpointArn: arn('sagemaker', t.region, `endpoint/${e.name}`), EndpointStatus: 'InService', CreationTime: daysBefore(29), LastModifiedTime: daysBefore(2) })),
  }));
  sim.on<ListMonitoringSchedulesCommandOutput>('sagemaker.ListMonitoringSchedules', (_input, t) => ({
    MonitoringScheduleSummaries: inRegion(ENDPOINTS, t.region).flatMap((e) =>
      e.schedule
        ? [{ MonitoringScheduleName: e.schedule.name, MonitoringScheduleArn: arn('sagemaker', t.region, `monitoring-schedule/${e.schedule.name}`), EndpointName: e.name, MonitoringScheduleStatus: e.schedule.status, MonitoringType: e.schedule.name.endsWith('data-quality') ? 'DataQuality' : 'ModelQuality', CreationTime: daysBefore(28), LastModifiedTime: daysBefore(5) }]
        : [],
    ),
  }));

  sim.on<ListModelPackageGroupsCommandOutput>('sagemaker.ListModelPackageGroups', (_input, t) => ({
    ModelPackageGroupSummaryList:
      t.region === 'eu-west-1'
        ? [{ ModelPackageGroupName: REGISTRY_GROUP, ModelPackageGroupArn: arn('sagemaker', t.region, `model-package-group/${REGISTRY_GROUP}`), ModelPackageGroupDescription: 'Clinical named-entity recognition models', CreationTime: daysBefore(90), ModelPackageGroupStatus: 'Completed' }]
        : [],
  }));
  sim.on<ListModelPackagesCommandOutput>('sagemaker.ListModelPackages', (input, t) => {
    if (t.region !== 'eu-west-1' || input.ModelPackageGroupName !== REGISTRY_GROUP) return notFound(`model package group ${input.ModelPackageGroupName}`);
    return {
      ModelPackageSummaryList: PACKAGE_VERSIONS.map((v) => ({
        ModelPackageGroupName: REGISTRY_GROUP,
        ModelPackageVersion: v.version,
        ModelPackageArn: packageArn(v.version),
        CreationTime: daysBefore(v.createdDaysAgo),
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: v.status,
      })),
    };
  });
  sim.on<DescribeModelPackageCommandOutput>('sagemaker.DescribeModelPackage', (input, t) => {
    const v = PACKAGE_VERSIONS.find((x) => packageArn(x.version) === input.ModelPackageName);
    if (!v || t.region !== 'eu-west-1') return notFound(`model package ${input.ModelPackageName}`);
    return {
      ModelPackageName: REGISTRY_GROUP,
      ModelPackageGroupName: REGISTRY_GROUP,
      ModelPackageVersion: v.version,
      ModelPackageArn: packageArn(v.version),
      CreationTime: daysBefore(v.createdDaysAgo),
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      ModelApprovalStatus: v.status,
      CreatedBy: { IamIdentity: { Arn: `arn:aws:sts::111122223333:assumed-role/${ROLES.sagemakerExecution}/SageMaker`, PrincipalId: 'AROAEXAMPLEPIPELINE01' } },
      ...(v.approvedDaysAgo !== undefined
        ? { LastModifiedTime: daysBefore(v.approvedDaysAgo), LastModifiedBy: { UserProfileName: 'dr-ml-reviewer' }, ApprovalDescription: 'Validated on the 2026-Q3 holdout set; bias report reviewed.' }
        : {}),
    };
  });

  sim.on<ListDomainsCommandOutput>('sagemaker.ListDomains', (_input, t) => ({
    Domains: inRegion(DOMAINS, t.region).map((d) => ({ DomainId: d.id, DomainName: d.name, DomainArn: arn('sagemaker', t.region, `domain/${d.id}`), Status: 'InService', CreationTime: daysBefore(200), LastModifiedTime: daysBefore(10), Url: `https://${d.id}.studio.${t.region}.sagemaker.aws` })),
  }));
  sim.on<DescribeDomainCommandOutput>('sagemaker.DescribeDomain', (input, t) => {
    const d = DOMAINS.find((x) => x.id === input.DomainId && x.region === t.region);
    if (!d) return simError('ResourceNotFound', 400, `Domain ${input.DomainId} not found`);
    return {
      DomainId: d.id,
      DomainName: d.name,
      DomainArn: arn('sagemaker', t.region, `domain/${d.id}`),
      Status: 'InService',
      AuthMode: 'IAM',
      AppNetworkAccessType: d.access,
      VpcId: d.vpcId,
      SubnetIds: d.subnets,
      KmsKeyId: d.kmsKey,
      HomeEfsFileSystemId: `fs-0${d.id.slice(2, 10)}`,
      DefaultUserSettings: { ExecutionRole: roleArn(ROLES.sagemakerExecution) },
      Url: `https://${d.id}.studio.${t.region}.sagemaker.aws`,
      CreationTime: daysBefore(200),
      LastModifiedTime: daysBefore(10),
    };
  });
}
