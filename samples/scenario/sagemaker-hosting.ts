// SageMaker hosting in the sample account: endpoint configurations, models, in-service endpoints with
// Model Monitor schedules, and models deployed from the Model Registry. One of each posture, good and bad.
import type {
  DescribeEndpointCommandOutput,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  ListEndpointConfigsCommandOutput,
  ListEndpointsCommandOutput,
  ListModelsCommandOutput,
  ListMonitoringSchedulesCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore, keyArn, KEYS, NETWORK, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);
const EU = NETWORK['eu-west-1'];
const euVpc = { Subnets: [...EU.privateSubnets], SecurityGroupIds: [EU.sgRestricted] };
const image = (region: string, repo: string) => `763104351884.dkr.ecr.${region}.amazonaws.com/${repo}`;
const notFound = (what: string) => simError('ValidationException', 400, `Could not find ${what}.`);
const inRegion = <T extends { region: string }>(items: T[], region: string) => items.filter((x) => x.region === region);

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

type MonitorType = 'DataQuality' | 'ModelQuality' | 'ModelBias' | 'ModelExplainability';
/** captureStatus: the running endpoint's data capture (DescribeEndpoint), which can differ from its configuration. */
interface Endpoint { name: string; region: string; config: string; captureStatus?: 'Started' | 'Stopped'; schedules: { name: string; type: MonitorType; status: 'Scheduled' | 'Stopped' }[] }
const ENDPOINTS: Endpoint[] = [
  { name: 'clinical-ner-prod', region: 'eu-west-1', config: 'clinical-ner-config-v3', captureStatus: 'Started', schedules: [{ name: 'clinical-ner-prod-data-quality', type: 'DataQuality', status: 'Scheduled' }, { name: 'clinical-ner-prod-model-quality', type: 'ModelQuality', status: 'Scheduled' }] },
  { name: 'readmission-prod', region: 'eu-west-1', config: 'readmission-config-v1', captureStatus: 'Stopped', schedules: [{ name: 'readmission-prod-data-quality', type: 'DataQuality', status: 'Scheduled' }, { name: 'readmission-prod-model-quality', type: 'ModelQuality', status: 'Stopped' }, { name: 'readmission-prod-bias', type: 'ModelBias', status: 'Scheduled' }] },
  { name: 'us-prototype-endpoint', region: 'us-east-1', config: 'us-prototype-config', schedules: [] },
];

export function register(sim: SimulatedAws): void {
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
  sim.on<DescribeEndpointCommandOutput>('sagemaker.DescribeEndpoint', (input, t) => {
    const e = ENDPOINTS.find((x) => x.name === input.EndpointName && x.region === t.region);
    if (!e) return notFound(`endpoint ${input.EndpointName}`);
    const capture = ENDPOINT_CONFIGS.find((c) => c.name === e.config)?.capture;
    return {
      EndpointName: e.name,
      EndpointArn: arn('sagemaker', t.region, `endpoint/${e.name}`),
      EndpointConfigName: e.config,
      EndpointStatus: 'InService',
      CreationTime: daysBefore(29),
      LastModifiedTime: daysBefore(2),
      DataCaptureConfig: capture && e.captureStatus
        ? { EnableCapture: true, CaptureStatus: e.captureStatus, CurrentSamplingPercentage: 20, DestinationS3Uri: `s3://${BUCKETS.modelArtifacts.name}/data-capture/${e.config}/`, KmsKeyId: capture.kmsKey }
        : undefined,
    };
  });
  sim.on<ListMonitoringSchedulesCommandOutput>('sagemaker.ListMonitoringSchedules', (_input, t) => ({
    MonitoringScheduleSummaries: inRegion(ENDPOINTS, t.region).flatMap((e) =>
      e.schedules.map((s) => ({ MonitoringScheduleName: s.name, MonitoringScheduleArn: arn('sagemaker', t.region, `monitoring-schedule/${s.name}`), EndpointName: e.name, MonitoringScheduleStatus: s.status, MonitoringType: s.type, CreationTime: daysBefore(28), LastModifiedTime: daysBefore(5) })),
    ),
  }));
}
