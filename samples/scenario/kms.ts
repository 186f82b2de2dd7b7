// KMS in the sample account: the customer-managed keys of account.ts (one rotating, one not and with an
// open key policy, one pending deletion, one whose key policy does not let the auditor read its
// rotation status) and the AWS managed aws/s3 key of each region.
import type {
  DescribeKeyCommandOutput,
  GetKeyPolicyCommandOutput,
  GetKeyRotationStatusCommandOutput,
  KeyMetadata,
  ListAliasesCommandOutput,
  ListKeysCommandOutput,
} from '@aws-sdk/client-kms';
import { paged, simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, keyArn, KEYS, RECORDED_AT } from './account.ts';

interface SampleKey {
  id: string;
  region: string;
  manager: 'CUSTOMER' | 'AWS';
  description: string;
  alias: string;
  rotation?: boolean;
  state?: 'Enabled' | 'PendingDeletion';
  /** The key policy has a statement open to every principal. */
  openPolicy?: boolean;
  /** The key policy does not delegate to IAM, so the auditor's role cannot read its rotation status. */
  auditorDenied?: boolean;
}

const SAMPLE_KEYS: SampleKey[] = [
  { ...KEYS.mlData, manager: 'CUSTOMER', description: 'ML training data and model artifacts (PHI)', alias: 'alias/acme-ml-data', rotation: true },
  { ...KEYS.legacy, manager: 'CUSTOMER', description: 'Legacy analytics exports', alias: 'alias/acme-legacy-analytics', rotation: false, openPolicy: true },
  { ...KEYS.retiring, manager: 'CUSTOMER', description: 'Retired prototype datasets', alias: 'alias/acme-prototype', state: 'PendingDeletion' },
  { ...KEYS.logs, manager: 'CUSTOMER', description: 'CloudTrail and access logs', alias: 'alias/acme-logs', auditorDenied: true },
  { id: '7d2e9c41-0000-4000-8000-0000000aws01', region: 'eu-west-1', manager: 'AWS', description: 'Default key that protects my S3 objects when no other key is defined', alias: 'alias/aws/s3' },
  { id: '7d2e9c41-0000-4000-8000-0000000aws02', region: 'us-east-1', manager: 'AWS', description: 'Default key that protects my S3 objects when no other key is defined', alias: 'alias/aws/s3' },
];

const find = (region: string, keyId: string) => SAMPLE_KEYS.find((k) => k.region === region && (k.id === keyId || keyArn(region, k.id) === keyId));
const notFound = (keyId: string, region: string) => simError('NotFoundException', 400, `Key '${keyArn(region, keyId)}' does not exist`);

function policyOf(k: SampleKey): string {
  const statements: unknown[] = [
    k.auditorDenied
      ? { Sid: 'KeyAdministrators', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/AcmeKeyAdmins` }, Action: 'kms:*', Resource: '*' }
      : { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
    { Sid: 'AllowUseWithinAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT } } },
  ];
  if (k.openPolicy) statements.push({ Sid: 'ShareWithPartners', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' });
  return JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: statements });
}

export function register(sim: SimulatedAws): void {
  sim.on<ListKeysCommandOutput>('kms.ListKeys', (input, t) => {
    const all = SAMPLE_KEYS.filter((k) => k.region === t.region).map((k) => ({ KeyId: k.id, KeyArn: keyArn(t.region, k.id) }));
    const { page, next } = paged(all, input, 2, 'Marker');
    return { Keys: page, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) };
  });
  sim.on<DescribeKeyCommandOutput>('kms.DescribeKey', (input, t) => {
    const k = find(t.region, input.KeyId);
    if (!k) return notFound(input.KeyId, t.region);
    const state = k.state ?? 'Enabled';
    const meta: KeyMetadata = {
      AWSAccountId: ACCOUNT,
      KeyId: k.id,
      Arn: keyArn(t.region, k.id),
      CreationDate: daysBefore(k.manager === 'AWS' ? 900 : 400),
      Enabled: state === 'Enabled',
      Description: k.description,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: state,
      Origin: 'AWS_KMS',
      KeyManager: k.manager,
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
      ...(state === 'PendingDeletion' ? { DeletionDate: new Date(RECORDED_AT.getTime() + 9 * 86_400_000), PendingDeletionWindowInDays: 30 } : {}),
    };
    return { KeyMetadata: meta };
  });
  sim.on<GetKeyRotationStatusCommandOutput>('kms.GetKeyRotationStatus', (input, t) => {
    const k = find(t.region, input.KeyId);
    if (!k) return notFound(input.KeyId, t.region);
    if (k.auditorDenied) {
      return simError('AccessDeniedException', 400, `User: arn:aws:sts::${ACCOUNT}:assumed-role/ProoflineAudit/proofline is not authorized to perform: kms:GetKeyRotationStatus on resource: ${keyArn(t.region, k.id)} because no resource-based policy allows the kms:GetKeyRotationStatus action`);
    }
    return { KeyId: keyArn(t.region, k.id), KeyRotationEnabled: k.rotation === true, ...(k.rotation ? { RotationPeriodInDays: 365, NextRotationDate: daysBefore(-120) } : {}) };
  });
  sim.on<GetKeyPolicyCommandOutput>('kms.GetKeyPolicy', (input, t) => {
    const k = find(t.region, input.KeyId);
    if (!k) return notFound(input.KeyId, t.region);
    return { Policy: policyOf(k), PolicyName: 'default' };
  });
  sim.on<ListAliasesCommandOutput>('kms.ListAliases', (_input, t) => ({
    Aliases: SAMPLE_KEYS.filter((k) => k.region === t.region).map((k) => ({
      AliasName: k.alias,
      AliasArn: arn('kms', t.region, k.alias),
      TargetKeyId: k.id,
      CreationDate: daysBefore(400),
      LastUpdatedDate: daysBefore(400),
    })),
    Truncated: false,
  }));
}
