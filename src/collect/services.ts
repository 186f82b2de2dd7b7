// The AWS SDK v3 clients Proofline may construct, by the service id used in evidence keys
// (the client package's suffix: @aws-sdk/client-<id>).
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { ACMClient } from '@aws-sdk/client-acm';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { BackupClient } from '@aws-sdk/client-backup';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ComprehendClient } from '@aws-sdk/client-comprehend';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EFSClient } from '@aws-sdk/client-efs';
import { EKSClient } from '@aws-sdk/client-eks';
import { FSxClient } from '@aws-sdk/client-fsx';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { Macie2Client } from '@aws-sdk/client-macie2';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { RekognitionClient } from '@aws-sdk/client-rekognition';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';

export const SERVICE_CLIENTS = {
  accessanalyzer: AccessAnalyzerClient,
  acm: ACMClient,
  'api-gateway': APIGatewayClient,
  apigatewayv2: ApiGatewayV2Client,
  backup: BackupClient,
  bedrock: BedrockClient,
  'bedrock-agent': BedrockAgentClient,
  'bedrock-agentcore-control': BedrockAgentCoreControlClient,
  cloudtrail: CloudTrailClient,
  cloudwatch: CloudWatchClient,
  'cloudwatch-logs': CloudWatchLogsClient,
  comprehend: ComprehendClient,
  'config-service': ConfigServiceClient,
  dynamodb: DynamoDBClient,
  ec2: EC2Client,
  ecr: ECRClient,
  ecs: ECSClient,
  efs: EFSClient,
  eks: EKSClient,
  fsx: FSxClient,
  guardduty: GuardDutyClient,
  iam: IAMClient,
  inspector2: Inspector2Client,
  kms: KMSClient,
  lambda: LambdaClient,
  'lex-models-v2': LexModelsV2Client,
  macie2: Macie2Client,
  opensearch: OpenSearchClient,
  opensearchserverless: OpenSearchServerlessClient,
  organizations: OrganizationsClient,
  rds: RDSClient,
  rekognition: RekognitionClient,
  s3: S3Client,
  's3-control': S3ControlClient,
  sagemaker: SageMakerClient,
  'secrets-manager': SecretsManagerClient,
  securityhub: SecurityHubClient,
  sts: STSClient,
  wafv2: WAFV2Client,
} as const;

export type ServiceId = keyof typeof SERVICE_CLIENTS;
export type ServiceClient<S extends ServiceId> = InstanceType<(typeof SERVICE_CLIENTS)[S]>;

export function isServiceId(value: string): value is ServiceId {
  return Object.prototype.hasOwnProperty.call(SERVICE_CLIENTS, value);
}
