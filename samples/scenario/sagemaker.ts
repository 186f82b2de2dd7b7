// SageMaker in the sample account: notebooks, training jobs and Studio domains, one of each posture,
// good and bad (hosting, registry and monitoring are in sagemaker-hosting.ts).
import type {
  DescribeDomainCommandOutput,
  DescribeNotebookInstanceCommandOutput,
  DescribeTrainingJobCommandOutput,
  ListDomainsCommandOutput,
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
interface TrainingJob { name: string; region: string; isolated: boolean; interContainer: boolean; vpc: boolean; volumeKey?: string; outputKey?: string; instances: number; daysAgo: number; hyperParameters?: Record<string, string> }

const TRAINING_JOBS: TrainingJob[] = [
  { name: 'clinical-ner-train-2026-11-02', region: 'eu-west-1', isolated: true, interContainer: true, vpc: true, volumeKey: ML_KEY, outputKey: ML_KEY, instances: 2, daysAgo: 18 },
  { name: 'readmission-xgb-2026-10-15', region: 'eu-west-1', isolated: false, interContainer: false, vpc: false, outputKey: 'alias/aws/s3', instances: 2, daysAgo: 36 },
  // Secrets pasted into hyperparameters (a Hub token, a database URL with its password): stored redacted.
  { name: 'us-prototype-finetune-2026-09-30', region: 'us-east-1', isolated: true, interContainer: false, vpc: false, volumeKey: keyArn(KEYS.retiring.region, KEYS.retiring.id), instances: 1, daysAgo: 51, hyperParameters: { epochs: '3', model_id: 'meta-llama/Llama-3.1-8B', hf_token: 'hf_SaMpLeToKeN0123456789aBcDeFgHiJkLmN', feature_store_url: 'postgres://trainer:Winter2026!@features.internal:5432/ml' } },
];

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
      HyperParameters: j.hyperParameters ?? { epochs: '3' },
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
