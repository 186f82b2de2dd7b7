// The AWS SDK v3 clients Proofline may construct, by the service id used in evidence keys
// (the client package's suffix: @aws-sdk/client-<id>). Each package is imported on first use: a
// process that talks to two services loads two client packages, not all of them (about two seconds
// of CPU together).

/** Loads a service's client class; the types below come from these imports too (nothing is loaded for a type). */
const LOADERS = {
  accessanalyzer: async () => (await import('@aws-sdk/client-accessanalyzer')).AccessAnalyzerClient,
  acm: async () => (await import('@aws-sdk/client-acm')).ACMClient,
  'api-gateway': async () => (await import('@aws-sdk/client-api-gateway')).APIGatewayClient,
  apigatewayv2: async () => (await import('@aws-sdk/client-apigatewayv2')).ApiGatewayV2Client,
  backup: async () => (await import('@aws-sdk/client-backup')).BackupClient,
  bedrock: async () => (await import('@aws-sdk/client-bedrock')).BedrockClient,
  'bedrock-agent': async () => (await import('@aws-sdk/client-bedrock-agent')).BedrockAgentClient,
  'bedrock-agentcore-control': async () => (await import('@aws-sdk/client-bedrock-agentcore-control')).BedrockAgentCoreControlClient,
  cloudtrail: async () => (await import('@aws-sdk/client-cloudtrail')).CloudTrailClient,
  cloudwatch: async () => (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient,
  'cloudwatch-logs': async () => (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient,
  comprehend: async () => (await import('@aws-sdk/client-comprehend')).ComprehendClient,
  'config-service': async () => (await import('@aws-sdk/client-config-service')).ConfigServiceClient,
  dynamodb: async () => (await import('@aws-sdk/client-dynamodb')).DynamoDBClient,
  ec2: async () => (await import('@aws-sdk/client-ec2')).EC2Client,
  ecr: async () => (await import('@aws-sdk/client-ecr')).ECRClient,
  ecs: async () => (await import('@aws-sdk/client-ecs')).ECSClient,
  efs: async () => (await import('@aws-sdk/client-efs')).EFSClient,
  eks: async () => (await import('@aws-sdk/client-eks')).EKSClient,
  fsx: async () => (await import('@aws-sdk/client-fsx')).FSxClient,
  guardduty: async () => (await import('@aws-sdk/client-guardduty')).GuardDutyClient,
  iam: async () => (await import('@aws-sdk/client-iam')).IAMClient,
  inspector2: async () => (await import('@aws-sdk/client-inspector2')).Inspector2Client,
  kms: async () => (await import('@aws-sdk/client-kms')).KMSClient,
  lambda: async () => (await import('@aws-sdk/client-lambda')).LambdaClient,
  'lex-models-v2': async () => (await import('@aws-sdk/client-lex-models-v2')).LexModelsV2Client,
  macie2: async () => (await import('@aws-sdk/client-macie2')).Macie2Client,
  opensearch: async () => (await import('@aws-sdk/client-opensearch')).OpenSearchClient,
  opensearchserverless: async () => (await import('@aws-sdk/client-opensearchserverless')).OpenSearchServerlessClient,
  organizations: async () => (await import('@aws-sdk/client-organizations')).OrganizationsClient,
  rds: async () => (await import('@aws-sdk/client-rds')).RDSClient,
  rekognition: async () => (await import('@aws-sdk/client-rekognition')).RekognitionClient,
  s3: async () => (await import('@aws-sdk/client-s3')).S3Client,
  's3-control': async () => (await import('@aws-sdk/client-s3-control')).S3ControlClient,
  sagemaker: async () => (await import('@aws-sdk/client-sagemaker')).SageMakerClient,
  'secrets-manager': async () => (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient,
  securityhub: async () => (await import('@aws-sdk/client-securityhub')).SecurityHubClient,
  sts: async () => (await import('@aws-sdk/client-sts')).STSClient,
  wafv2: async () => (await import('@aws-sdk/client-wafv2')).WAFV2Client,
};

export type ServiceId = keyof typeof LOADERS;
export type ServiceClient<S extends ServiceId> = InstanceType<Awaited<ReturnType<(typeof LOADERS)[S]>>>;
export type ServiceClientClass<S extends ServiceId> = new (config: Record<string, unknown>) => ServiceClient<S>;

/** Every service id, in a fixed order. */
export const SERVICE_IDS = Object.keys(LOADERS) as ServiceId[];

export function isServiceId(value: string): value is ServiceId {
  return Object.prototype.hasOwnProperty.call(LOADERS, value);
}

const loaded = new Map<ServiceId, Promise<unknown>>();

/** The service's client class, its package imported on the first call. */
export function serviceClientClass<S extends ServiceId>(service: S): Promise<ServiceClientClass<S>> {
  let cls = loaded.get(service);
  if (!cls) loaded.set(service, (cls = LOADERS[service]()));
  return cls as Promise<ServiceClientClass<S>>;
}
