// "Acme Health AI": a company that trains and serves clinical-text models. Primary region
// eu-west-1 (EU patient data), secondary us-east-1. Some resources are compliant, some are not.
export const ACCOUNT = '111122223333';
export const REGIONS = ['eu-west-1', 'us-east-1'] as const;
export const ALLOWED_REGIONS = ['eu-west-1', 'eu-central-1'];
/** The recording time of the sample (fixed so the sample rebuilds byte-identically). */
export const RECORDED_AT = new Date('2026-11-20T02:00:00.000Z');

export function arn(service: string, region: string, resource: string, account = ACCOUNT): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

export function keyArn(region: string, keyId: string): string {
  return arn('kms', region, `key/${keyId}`);
}

export function daysBefore(days: number): Date {
  return new Date(RECORDED_AT.getTime() - days * 86_400_000);
}

// Shared resource names, so that each service's scenario file refers to the same resources.
// Append here when a resource is referenced by more than one service.
export const KEYS = {
  /** Customer-managed, rotation on: used for ML data. */
  mlData: { region: 'eu-west-1', id: '1f0c2a3b-0000-4000-8000-00000000a001' },
  /** Customer-managed, rotation OFF. */
  legacy: { region: 'eu-west-1', id: '1f0c2a3b-0000-4000-8000-00000000a002' },
  /** Customer-managed in us-east-1, pending deletion. */
  retiring: { region: 'us-east-1', id: '1f0c2a3b-0000-4000-8000-00000000b003' },
  /** Customer-managed in us-east-1 for logs. */
  logs: { region: 'us-east-1', id: '1f0c2a3b-0000-4000-8000-00000000b004' },
} as const;

export const BUCKETS = {
  /** Training data with PHI: CMK encryption, versioning, TLS-only policy, lifecycle, logging. */
  trainingData: { name: 'acme-health-training-data', region: 'eu-west-1' },
  /** Model artifacts: SSE-S3 only (no customer key), no lifecycle. */
  modelArtifacts: { name: 'acme-health-model-artifacts', region: 'eu-west-1' },
  /** CloudTrail / access logs: object lock on, CMK. */
  auditLogs: { name: 'acme-health-audit-logs', region: 'us-east-1' },
  /** Bedrock invocation logs (eu-west-1 destination). */
  bedrockLogs: { name: 'acme-health-bedrock-invocation-logs', region: 'eu-west-1' },
  /** A forgotten public demo bucket in us-east-1: no public access block, no encryption config. */
  publicDemo: { name: 'acme-demo-public-assets', region: 'us-east-1' },
} as const;

export const ROLES = {
  /** SageMaker execution role: scoped policy. */
  sagemakerExecution: 'AcmeSageMakerExecution',
  /** Old SageMaker role with AdministratorAccess attached. */
  sagemakerLegacyAdmin: 'AcmeSageMakerLegacyAdmin',
  /** Bedrock application role: InvokeModel restricted by source VPC/secure transport. */
  bedrockApp: 'AcmeBedrockApp',
  /** Bedrock batch role: bedrock:InvokeModel on "*" with no conditions. */
  bedrockBatch: 'AcmeBedrockBatch',
} as const;

export const NETWORK = {
  'eu-west-1': { vpcId: 'vpc-0e1a2b3c4d5e6f701', privateSubnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'], sgRestricted: 'sg-0123456789abcdef0' },
  'us-east-1': { vpcId: 'vpc-0f9e8d7c6b5a4f302', privateSubnets: ['subnet-0b1c2d3e4f5a60101'], sgRestricted: 'sg-0fedcba9876543210' },
} as const;

export function roleArn(name: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

/** CloudWatch Logs log groups written by AI services (the cloudwatch-logs scenario should list them in their region). */
export const LOG_GROUPS = {
  /** Bedrock model invocation logs in eu-west-1: encrypted with the mlData key. */
  bedrockInvocations: { name: '/aws/bedrock/model-invocations', region: 'eu-west-1', kmsKey: 'mlData' },
  /** Lex conversation text logs of the patient intake bot in eu-west-1: encrypted with the mlData key. */
  lexIntake: { name: '/aws/lex/patient-intake', region: 'eu-west-1', kmsKey: 'mlData' },
  /** Lex conversation text logs of the appointment bot in us-east-1: NO KMS key. */
  lexAppointments: { name: '/aws/lex/appointment-scheduler', region: 'us-east-1', kmsKey: undefined },
} as const;

/** CloudTrail trails (the cloudtrail, logs and cloudwatch scenarios refer to them). */
export const TRAILS = {
  /** Multi-region management-events trail homed in us-east-1: validated, KMS, delivers to CloudWatch Logs with alarms. */
  org: { name: 'acme-org-trail', homeRegion: 'us-east-1', logGroup: 'acme-cloudtrail' },
  /** Single-region eu-west-1 trail for S3 and Bedrock data events: no KMS, CloudWatch Logs without alarms. */
  euData: { name: 'acme-eu-data-events', homeRegion: 'eu-west-1', logGroup: 'acme-eu-data-events' },
  /** Old single-region us-east-1 trail: stopped, nothing configured. */
  legacy: { name: 'acme-legacy-us', homeRegion: 'us-east-1', logGroup: undefined },
} as const;

/** The default VPC that still exists in eu-west-1 (no flow logs, default security group open). */
export const DEFAULT_VPC = { region: 'eu-west-1', vpcId: 'vpc-0a9b8c7d6e5f40003', defaultSg: 'sg-0d1e2f3a4b5c60003' } as const;
