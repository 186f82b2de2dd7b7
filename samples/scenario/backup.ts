// AWS Backup in the sample account. eu-west-1: a daily plan for the training data and model stores,
// an empty plan nobody finished, a locked vault on the ML key and an unlocked one on an AWS-owned key.
// us-east-1: no plans, and the auditor's role may not list vaults there (AccessDenied -> unknown).
import type {
  BackupPlansListMember,
  GetBackupSelectionCommandOutput,
  ListBackupPlansCommandOutput,
  ListBackupSelectionsCommandOutput,
  ListBackupVaultsCommandOutput,
  ListProtectedResourcesCommandOutput,
} from '@aws-sdk/client-backup';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, BUCKETS, daysBefore, keyArn, KEYS } from './account.ts';

const EU = 'eu-west-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole`;

const PLANS: BackupPlansListMember[] = [
  { BackupPlanArn: arn('backup', EU, 'backup-plan:5c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'), BackupPlanId: '5c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', BackupPlanName: 'acme-ml-daily', CreationDate: daysBefore(300), VersionId: 'ZjQ5NmQ4YmMtNzQ1Zi00YTgz', LastExecutionDate: daysBefore(1) },
  { BackupPlanArn: arn('backup', EU, 'backup-plan:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'), BackupPlanId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', BackupPlanName: 'acme-feature-store-weekly', CreationDate: daysBefore(40), VersionId: 'NGQ5ZTI1YjItNmE4OS00ZjA3' },
];

const SELECTION = { id: 'b7e1c2d3-a4f5-4e6d-9c8b-7a6f5e4d3c2b', name: 'training-data-and-registry' };

// What AWS Backup holds recovery points of (eu-west-1): the daily plan's selection, and the Aurora feature
// store, backed up by hand once two months ago. The agent-sessions table and the RDS instances have none.
const PROTECTED = [
  { arn: `arn:aws:s3:::${BUCKETS.trainingData.name}`, type: 'S3', days: 1 },
  { arn: `arn:aws:s3:::${BUCKETS.modelArtifacts.name}`, type: 'S3', days: 1 },
  { arn: arn('dynamodb', EU, 'table/acme-model-registry-metadata'), type: 'DynamoDB', days: 1 },
  { arn: arn('rds', EU, 'cluster:acme-clinical-features'), type: 'Aurora', days: 62 },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListProtectedResourcesCommandOutput>('backup.ListProtectedResources', (_input, t) => ({
    Results: t.region === EU ? PROTECTED.map((p) => ({ ResourceArn: p.arn, ResourceType: p.type, LastBackupTime: daysBefore(p.days), ResourceName: p.arn.split(/[:/]/).pop() })) : [],
  }));
  sim.on<ListBackupPlansCommandOutput>('backup.ListBackupPlans', (_input, t) => ({ BackupPlansList: t.region === EU ? PLANS : [] }));
  sim.on<ListBackupSelectionsCommandOutput>('backup.ListBackupSelections', (input, t) => {
    const plan = PLANS.find((p) => p.BackupPlanId === input.BackupPlanId);
    if (t.region !== EU || !plan) return simError('ResourceNotFoundException', 400, `Backup plan ${input.BackupPlanId} not found`);
    // The weekly plan was created but never given resources.
    if (plan.BackupPlanName !== 'acme-ml-daily') return { BackupSelectionsList: [] };
    return { BackupSelectionsList: [{ SelectionId: SELECTION.id, SelectionName: SELECTION.name, BackupPlanId: plan.BackupPlanId, CreationDate: daysBefore(300), IamRoleArn: ROLE }] };
  });
  sim.on<GetBackupSelectionCommandOutput>('backup.GetBackupSelection', (input, t) => {
    if (t.region !== EU || input.SelectionId !== SELECTION.id) return simError('ResourceNotFoundException', 400, `Selection ${input.SelectionId} not found`);
    return {
      BackupPlanId: input.BackupPlanId,
      SelectionId: SELECTION.id,
      CreationDate: daysBefore(300),
      BackupSelection: {
        SelectionName: SELECTION.name,
        IamRoleArn: ROLE,
        Resources: [`arn:aws:s3:::${BUCKETS.trainingData.name}`, `arn:aws:s3:::${BUCKETS.modelArtifacts.name}`, arn('dynamodb', EU, 'table/acme-model-registry-metadata')],
        ListOfTags: [],
        NotResources: [],
        Conditions: { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [] },
      },
    };
  });
  sim.on<ListBackupVaultsCommandOutput>('backup.ListBackupVaults', (_input, t) => {
    if (t.region !== EU) return simError('AccessDeniedException', 403, `User: arn:aws:sts::${ACCOUNT}:assumed-role/ProoflineAuditor/proofline is not authorized to perform: backup:ListBackupVaults`);
    return {
      BackupVaultList: [
        {
          BackupVaultName: 'acme-ml-vault',
          BackupVaultArn: arn('backup', EU, 'backup-vault:acme-ml-vault'),
          VaultType: 'BACKUP_VAULT',
          VaultState: 'AVAILABLE',
          CreationDate: daysBefore(300),
          EncryptionKeyArn: keyArn(KEYS.mlData.region, KEYS.mlData.id),
          EncryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          CreatorRequestId: 'acme-ml-vault-1',
          NumberOfRecoveryPoints: 298,
          Locked: true,
          MinRetentionDays: 35,
          MaxRetentionDays: 2555,
          LockDate: daysBefore(270),
        },
        {
          BackupVaultName: 'acme-scratch-vault',
          BackupVaultArn: arn('backup', EU, 'backup-vault:acme-scratch-vault'),
          VaultType: 'BACKUP_VAULT',
          VaultState: 'AVAILABLE',
          CreationDate: daysBefore(60),
          EncryptionKeyType: 'AWS_OWNED_KMS_KEY',
          CreatorRequestId: 'acme-scratch-vault-1',
          NumberOfRecoveryPoints: 12,
          Locked: false,
        },
      ],
    };
  });
}
