// AWS answers "this is not set up" with an error for some operations. Those answers are facts about the
// account (evaluators fail them), not collection failures (which would be unknown).
import type { EvidenceKey } from './evidence-record.ts';

const NOT_CONFIGURED: Record<EvidenceKey, readonly string[]> = {
  's3.GetBucketEncryption': ['ServerSideEncryptionConfigurationNotFoundError'],
  's3.GetPublicAccessBlock': ['NoSuchPublicAccessBlockConfiguration'],
  's3-control.GetPublicAccessBlock': ['NoSuchPublicAccessBlockConfiguration'],
  's3.GetBucketPolicy': ['NoSuchBucketPolicy'],
  's3.GetBucketLifecycleConfiguration': ['NoSuchLifecycleConfiguration'],
  's3.GetObjectLockConfiguration': ['ObjectLockConfigurationNotFoundError'],
  's3.GetBucketReplication': ['ReplicationConfigurationNotFoundError'],
  'iam.GetAccountPasswordPolicy': ['NoSuchEntity', 'NoSuchEntityException'],
  'iam.GetLoginProfile': ['NoSuchEntity', 'NoSuchEntityException'],
  's3.GetBucketPolicyStatus': ['NoSuchBucketPolicy'],
  's3.GetBucketTagging': ['NoSuchTagSet'],
  'securityhub.DescribeHub': ['InvalidAccessException'],
  'securityhub.GetEnabledStandards': ['InvalidAccessException'],
  'organizations.DescribeOrganization': ['AWSOrganizationsNotInUseException'],
  'organizations.ListPolicies': ['AWSOrganizationsNotInUseException'],
  'backup.GetBackupVaultAccessPolicy': ['ResourceNotFoundException'],
  // A function of the list without a resource-based policy (nothing grants invocation through one).
  'lambda.GetPolicy': ['ResourceNotFoundException'],
};

export function isNotConfigured(key: EvidenceKey, errorName: string): boolean {
  return NOT_CONFIGURED[key]?.includes(errorName) ?? false;
}

export function notConfiguredErrors(): Readonly<Record<EvidenceKey, readonly string[]>> {
  return NOT_CONFIGURED;
}
