// SageMaker in a synthetic account: notebooks, training jobs, endpoints (+ configs) and models, with
// the sample scenario's shapes and realistic shares of non-compliant settings.
import type {
  DescribeEndpointCommandOutput,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  DescribeNotebookInstanceCommandOutput,
  DescribeTrainingJobCommandOutput,
  ListEndpointConfigsCommandOutput,
  ListEndpointsCommandOutput,
  ListModelsCommandOutput,
  ListNotebookInstancesCommandOutput,
  ListTrainingJobsCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { failing, type AccountPlan, type ResourceKind } from './plan.ts';
import { createdAt, names, pageOf, resourceIndex, syntheticArn } from './synthetic-names.ts';

const notFound = (what: string, name: unknown) => simError('ValidationException', 400, `Could not find ${what} "${String(name)}".`);

export function registerSageMaker(sim: SimulatedAws, plan: AccountPlan): void {
  const arn = (region: string, resource: string) => syntheticArn('sagemaker', region, plan.account, resource);
  const role = `arn:aws:iam::${plan.account}:role/role-global-000000`;
  const kmsKey = (region: string, name: string) => (failing(name, 'kms', 0.25) ? undefined : syntheticArn('kms', region, plan.account, `key/key-${region}-000000`));
  const vpc = (name: string) => (failing(name, 'vpc', 0.3) ? undefined : { SecurityGroupIds: ['sg-synthetic-0001'], Subnets: ['subnet-synthetic-0001'] });
  const exists = (kind: ResourceKind, region: string, name: unknown) => resourceIndex(plan, kind, region, name) !== undefined;
  const list = (kind: ResourceKind, region: string, input: Record<string, unknown>) => pageOf(names(plan, kind, region), input, { tokenIn: 'NextToken', sizeField: 'MaxResults', max: 100 });

  sim.on<ListNotebookInstancesCommandOutput>('sagemaker.ListNotebookInstances', (input, t) => {
    const { page, next } = list('notebooks', t.region, input);
    const items = page.map((n) => ({ NotebookInstanceName: n, NotebookInstanceArn: arn(t.region, `notebook-instance/${n}`), NotebookInstanceStatus: 'InService' as const, InstanceType: 'ml.t3.medium' as const, CreationTime: createdAt(n), LastModifiedTime: createdAt(n) }));
    return { NotebookInstances: items, NextToken: next };
  });
  sim.on<DescribeNotebookInstanceCommandOutput>('sagemaker.DescribeNotebookInstance', (input, t) => {
    const n = input.NotebookInstanceName;
    if (!exists('notebooks', t.region, n)) return notFound('notebook instance', n);
    const inVpc = !failing(n, 'vpc', 0.3);
    return {
      NotebookInstanceName: n,
      NotebookInstanceArn: arn(t.region, `notebook-instance/${n}`),
      NotebookInstanceStatus: 'InService',
      InstanceType: 'ml.t3.medium',
      RoleArn: role,
      DirectInternetAccess: failing(n, 'internet', 0.2) ? 'Enabled' : 'Disabled',
      RootAccess: failing(n, 'root', 0.35) ? 'Enabled' : 'Disabled',
      KmsKeyId: kmsKey(t.region, n),
      SubnetId: inVpc ? 'subnet-synthetic-0001' : undefined,
      SecurityGroups: inVpc ? ['sg-synthetic-0001'] : undefined,
      VolumeSizeInGB: 20,
      CreationTime: createdAt(n),
      LastModifiedTime: createdAt(n),
      PlatformIdentifier: 'notebook-al2-v3',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: failing(n, 'imds', 0.15) ? '1' : '2' },
    };
  });
  sim.on<ListTrainingJobsCommandOutput>('sagemaker.ListTrainingJobs', (input, t) => {
    const { page, next } = list('trainingJobs', t.region, input);
    return { TrainingJobSummaries: page.map((n) => ({ TrainingJobName: n, TrainingJobArn: arn(t.region, `training-job/${n}`), CreationTime: createdAt(n), TrainingJobStatus: 'Completed' as const })), NextToken: next };
  });
  sim.on<DescribeTrainingJobCommandOutput>('sagemaker.DescribeTrainingJob', (input, t) => {
    const n = input.TrainingJobName;
    if (!exists('trainingJobs', t.region, n)) return notFound('training job', n);
    return {
      TrainingJobName: n,
      TrainingJobArn: arn(t.region, `training-job/${n}`),
      TrainingJobStatus: 'Completed',
      SecondaryStatus: 'Completed',
      AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.3-gpu-py311' },
      RoleArn: role,
      OutputDataConfig: { S3OutputPath: `s3://bucket-global-000000/${n}/`, KmsKeyId: kmsKey(t.region, n) },
      ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: 1, VolumeSizeInGB: 100, VolumeKmsKeyId: kmsKey(t.region, `${n}/volume`) },
      VpcConfig: vpc(n),
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      EnableNetworkIsolation: !failing(n, 'isolation', 0.4),
      EnableInterContainerTrafficEncryption: !failing(n, 'intercontainer', 0.3),
      ModelArtifacts: { S3ModelArtifacts: `s3://bucket-global-000000/${n}/output/model.tar.gz` },
      CreationTime: createdAt(n),
      Environment: { STAGE: 'prod' },
    };
  });
  sim.on<ListEndpointsCommandOutput>('sagemaker.ListEndpoints', (input, t) => {
    const { page, next } = list('endpoints', t.region, input);
    return { Endpoints: page.map((n) => ({ EndpointName: n, EndpointArn: arn(t.region, `endpoint/${n}`), CreationTime: createdAt(n), LastModifiedTime: createdAt(n), EndpointStatus: 'InService' as const })), NextToken: next };
  });
  sim.on<DescribeEndpointCommandOutput>('sagemaker.DescribeEndpoint', (input, t) => {
    const n = input.EndpointName;
    if (!exists('endpoints', t.region, n)) return notFound('endpoint', n);
    return {
      EndpointName: n,
      EndpointArn: arn(t.region, `endpoint/${n}`),
      EndpointConfigName: n,
      EndpointStatus: 'InService',
      CreationTime: createdAt(n),
      LastModifiedTime: createdAt(n),
      DataCaptureConfig: failing(n, 'capture', 0.4) ? undefined : { EnableCapture: true, CaptureStatus: 'Started' as const, CurrentSamplingPercentage: 10, DestinationS3Uri: 's3://bucket-global-000001/capture', KmsKeyId: syntheticArn('kms', t.region, plan.account, `key/key-${t.region}-000000`) },
    };
  });
  sim.on<ListEndpointConfigsCommandOutput>('sagemaker.ListEndpointConfigs', (input, t) => {
    const { page, next } = list('endpoints', t.region, input);
    return { EndpointConfigs: page.map((n) => ({ EndpointConfigName: n, EndpointConfigArn: arn(t.region, `endpoint-config/${n}`), CreationTime: createdAt(n) })), NextToken: next };
  });
  sim.on<DescribeEndpointConfigCommandOutput>('sagemaker.DescribeEndpointConfig', (input, t) => {
    const n = input.EndpointConfigName;
    if (!exists('endpoints', t.region, n)) return notFound('endpoint configuration', n);
    return {
      EndpointConfigName: n,
      EndpointConfigArn: arn(t.region, `endpoint-config/${n}`),
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `model-${t.region}-000000`, InitialInstanceCount: 2, InstanceType: 'ml.m5.xlarge' }],
      KmsKeyId: kmsKey(t.region, n),
      CreationTime: createdAt(n),
    };
  });
  sim.on<ListModelsCommandOutput>('sagemaker.ListModels', (input, t) => {
    const { page, next } = list('models', t.region, input);
    return { Models: page.map((n) => ({ ModelName: n, ModelArn: arn(t.region, `model/${n}`), CreationTime: createdAt(n) })), NextToken: next };
  });
  sim.on<DescribeModelCommandOutput>('sagemaker.DescribeModel', (input, t) => {
    const n = input.ModelName;
    if (!exists('models', t.region, n)) return notFound('model', n);
    return {
      ModelName: n,
      ModelArn: arn(t.region, `model/${n}`),
      ExecutionRoleArn: role,
      PrimaryContainer: { Image: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.3-cpu-py311', ModelDataUrl: `s3://bucket-global-000000/${n}/model.tar.gz`, Environment: { LOG_LEVEL: 'info' } },
      VpcConfig: vpc(n),
      EnableNetworkIsolation: !failing(n, 'isolation', 0.4),
      CreationTime: createdAt(n),
    };
  });
}
