// From an SDK call to the IAM action that authorizes it. Most actions are `<prefix>:<Operation>`; the
// prefix differs from the SDK package for some services, and a few S3 operations are authorized by an
// action with another name. Keep every exception here.

/** SDK service id (client package suffix) -> IAM action prefix, where they differ. */
export const IAM_PREFIX: Readonly<Record<string, string>> = {
  'config-service': 'config',
  'cloudwatch-logs': 'logs',
  's3-control': 's3',
  'lex-models-v2': 'lex',
  'bedrock-agent': 'bedrock',
  accessanalyzer: 'access-analyzer',
  'secrets-manager': 'secretsmanager',
  opensearch: 'es',
  opensearchserverless: 'aoss',
  efs: 'elasticfilesystem',
  'bedrock-agentcore-control': 'bedrock-agentcore',
};

/** Services whose read calls are all authorized by one action (API Gateway's management API: apigateway:GET on the resource path). */
export const IAM_SERVICE_ACTION: Readonly<Record<string, string>> = {
  'api-gateway': 'apigateway:GET',
  apigatewayv2: 'apigateway:GET',
};

/** `<service>.<Operation>` -> IAM action, where the action is not named after the operation. */
export const IAM_ACTION_OVERRIDES: Readonly<Record<string, string>> = {
  's3.ListBuckets': 's3:ListAllMyBuckets',
  's3.GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3.GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3-control.GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  's3.GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3.GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  's3.GetBucketReplication': 's3:GetReplicationConfiguration',
  's3.GetBucketLogging': 's3:GetBucketLogging',
  's3.GetBucketPolicy': 's3:GetBucketPolicy',
  's3.GetBucketVersioning': 's3:GetBucketVersioning',
};

export function iamAction(service: string, operation: string): string {
  return IAM_ACTION_OVERRIDES[`${service}.${operation}`] ?? IAM_SERVICE_ACTION[service] ?? `${IAM_PREFIX[service] ?? service}:${operation}`;
}

/** Operations that only read: the tool must never call anything else. */
export const READ_OPERATION = /^(Describe|Get|List|Select|BatchGet|BatchDescribe|Lookup|Search|Head)[A-Z]/;

/**
 * Calls named like writes that change no resource or setting. GenerateCredentialReport asks IAM to build
 * the credential report from data it already holds (AWS's SecurityAudit policy grants it); without it
 * GetCredentialReport has nothing to return.
 */
export const READ_ONLY_BY_EXCEPTION: ReadonlySet<string> = new Set(['iam.GenerateCredentialReport']);

export function isReadOnlyCall(service: string, operation: string): boolean {
  return READ_OPERATION.test(operation) || READ_ONLY_BY_EXCEPTION.has(`${service}.${operation}`);
}
