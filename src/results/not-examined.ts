// AWS services that commonly hold or serve AI workload data but that Proofline does not collect from.
// Each names the kinds of check it would need, as the controls that make those checks on the services
// that are examined: the requirements those controls decide (primary mappings) are the ones whose
// conclusions stop at the examined services. A test keeps every control id here in the catalog.
export interface NotExaminedService {
  service: string;
  resourceTypes: string;
  /** Controls whose check the service's resources would need (on the services that are examined). */
  analogues: string[];
}

const ENCRYPTION_AT_REST = ['s3-data-buckets-encrypted-with-customer-key', 'ebs-default-encryption-enabled', 'sagemaker-notebook-encrypted-with-kms-key'];
const BACKUP = ['backup-plans-cover-data-stores', 'backup-ai-data-stores-protected'];
const PUBLIC_EXPOSURE = ['s3-bucket-policies-not-public', 's3-bucket-public-access-block-enabled', 'security-groups-admin-ports-closed-to-internet'];
const RESIDENCY = ['data-resides-in-allowed-regions'];
const LEAST_PRIVILEGE = ['iam-ai-service-roles-no-admin-permissions'];

export const NOT_EXAMINED: readonly NotExaminedService[] = [
  { service: 'Amazon Redshift', resourceTypes: 'clusters and serverless workgroups holding training or analytics data', analogues: [...ENCRYPTION_AT_REST, ...PUBLIC_EXPOSURE, ...BACKUP, ...RESIDENCY] },
  { service: 'Amazon EC2 instances', resourceTypes: 'self-managed training and inference instances, their volumes and instance profiles (only their Inspector scanning and open vulnerability findings are examined)', analogues: [...ENCRYPTION_AT_REST, ...LEAST_PRIVILEGE, ...PUBLIC_EXPOSURE] },
  { service: 'Amazon Kinesis and Data Firehose', resourceTypes: 'data streams and delivery streams', analogues: [...ENCRYPTION_AT_REST, ...RESIDENCY] },
  {
    service: 'Amazon Bedrock OpenAI-compatible endpoint (bedrock-mantle)',
    resourceTypes: 'model calls through bedrock-mantle, recorded under their own CloudTrail event source: neither read for invocation signals nor checked for logging',
    analogues: ['bedrock-invocations-from-expected-principals-and-regions', 'bedrock-model-invocation-logging-enabled'],
  },
];
