// IAM in the sample account: the SageMaker/Bedrock roles of account.ts, two vendor roles (one with an
// external ID, one without), users with and without MFA and old keys, a weak password policy, and
// root keys still present. Policy documents are URL-encoded JSON, as IAM returns them.
import type {
  GenerateCredentialReportCommandOutput,
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommandOutput,
  GetAccountSummaryCommandOutput,
  GetCredentialReportCommandOutput,
  GetLoginProfileCommandOutput,
  ListAccessKeysCommandOutput,
  ListMFADevicesCommandOutput,
  ManagedPolicyDetail,
  RoleDetail,
  UserDetail,
  GroupDetail,
} from '@aws-sdk/client-iam';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, BUCKETS, daysBefore, keyArn, KEYS, roleArn, ROLES } from './account.ts';

const encode = (doc: unknown): string => encodeURIComponent(JSON.stringify(doc));
const policyDoc = (...Statement: unknown[]) => encode({ Version: '2012-10-17', Statement });
const trust = (Principal: unknown, Condition?: unknown) => policyDoc({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) });
const iamArn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const VENDORS = { monitoring: 'AcmeVendorMonitoring', labeling: 'AcmeLabelingVendorAccess' } as const;
let idSeq = 0;
const uniqueId = (prefix: string) => `${prefix}${(++idSeq).toString(16).toUpperCase().padStart(17, '0')}`;

function role(name: string, trustPolicy: string, inline: Record<string, string> = {}, attached: { PolicyName: string; PolicyArn: string }[] = []): RoleDetail {
  return {
    Path: '/',
    RoleName: name,
    RoleId: uniqueId('AROA'),
    Arn: roleArn(name),
    CreateDate: daysBefore(300),
    AssumeRolePolicyDocument: trustPolicy,
    RolePolicyList: Object.entries(inline).map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument })),
    AttachedManagedPolicies: attached,
    InstanceProfileList: [],
    Tags: [],
  };
}

const ROLE_DETAILS: RoleDetail[] = [
  role(ROLES.sagemakerExecution, trust({ Service: 'sagemaker.amazonaws.com' }), {
    'training-data-access': policyDoc(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKETS.trainingData.name}`, `arn:aws:s3:::${BUCKETS.trainingData.name}/*`] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: `arn:aws:s3:::${BUCKETS.modelArtifacts.name}/*` },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: keyArn(KEYS.mlData.region, KEYS.mlData.id) },
    ),
  }),
  role(ROLES.sagemakerLegacyAdmin, trust({ Service: 'sagemaker.amazonaws.com' }), {}, [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_ARN }]),
  role(ROLES.bedrockApp, trust({ Service: 'lambda.amazonaws.com' }), {
    'bedrock-invoke': policyDoc({
      Sid: 'InvokeFromVpcOverTls',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60001' }, Bool: { 'aws:SecureTransport': 'true' } },
    }),
  }),
  role(ROLES.bedrockBatch, trust({ Service: 'bedrock.amazonaws.com' }), {
    'batch-inference': policyDoc({ Sid: 'InvokeAnyModel', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }),
  }),
  role(VENDORS.monitoring, trust({ AWS: 'arn:aws:iam::999988887777:root' }, { StringEquals: { 'sts:ExternalId': 'acme-7f3e2a91' } }), {}, [
    { PolicyName: 'SecurityAudit', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' },
  ]),
  role(VENDORS.labeling, trust({ AWS: 'arn:aws:iam::444455556666:role/LabelingWorkforce' }), {
    'read-unlabeled': policyDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.trainingData.name}/unlabeled/*` }),
  }),
];

function managed(name: string, arn: string, attachments: number, doc: string): ManagedPolicyDetail {
  return {
    PolicyName: name,
    PolicyId: uniqueId('ANPA'),
    Arn: arn,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: daysBefore(400),
    UpdateDate: daysBefore(400),
    PolicyVersionList: [{ Document: doc, VersionId: 'v1', IsDefaultVersion: true, CreateDate: daysBefore(400) }],
  };
}

const POLICIES: ManagedPolicyDetail[] = [
  managed('AdministratorAccess', ADMIN_ARN, 2, policyDoc({ Effect: 'Allow', Action: '*', Resource: '*' })),
  managed('SecurityAudit', 'arn:aws:iam::aws:policy/SecurityAudit', 1, policyDoc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 's3:GetBucketPolicy', 'kms:Describe*'], Resource: '*' })),
  managed('AcmeDataScienceFullAccess', iamArn('policy', 'AcmeDataScienceFullAccess'), 1, policyDoc({ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' })),
  managed(
    'AcmeTrainingDataRead',
    iamArn('policy', 'AcmeTrainingDataRead'),
    1,
    policyDoc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKETS.trainingData.name}`, `arn:aws:s3:::${BUCKETS.trainingData.name}/*`] }),
  ),
];

const GROUPS: GroupDetail[] = [
  { Path: '/', GroupName: 'admins', GroupId: uniqueId('AGPA'), Arn: iamArn('group', 'admins'), CreateDate: daysBefore(700), GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_ARN }] },
  {
    Path: '/',
    GroupName: 'data-scientists',
    GroupId: uniqueId('AGPA'),
    Arn: iamArn('group', 'data-scientists'),
    CreateDate: daysBefore(500),
    GroupPolicyList: [],
    AttachedManagedPolicies: [
      { PolicyName: 'AcmeDataScienceFullAccess', PolicyArn: iamArn('policy', 'AcmeDataScienceFullAccess') },
      { PolicyName: 'AcmeTrainingDataRead', PolicyArn: iamArn('policy', 'AcmeTrainingDataRead') },
    ],
  },
];

interface SampleUser {
  name: string;
  groups: string[];
  console: boolean;
  mfa: boolean;
  /** Days since the console password was last used (credential report); undefined = never. */
  passwordUsedDays?: number;
  /** lastUsedDays undefined = never used (credential report). */
  keys: { ageDays: number; active: boolean; lastUsedDays?: number }[];
}

const USERS: SampleUser[] = [
  { name: 'alice.admin', groups: ['admins'], console: true, mfa: true, passwordUsedDays: 2, keys: [{ ageDays: 30, active: true, lastUsedDays: 1 }] },
  // Signed in last four months ago: the console password is an unused credential still enabled.
  { name: 'bob.analyst', groups: ['data-scientists'], console: true, mfa: false, passwordUsedDays: 120, keys: [] },
  { name: 'ml-pipeline-ci', groups: [], console: false, mfa: false, keys: [{ ageDays: 200, active: true, lastUsedDays: 0 }] },
  // The active key is 45 days old and never used: on the CIS 1.12 limit, not beyond it.
  { name: 'legacy-etl', groups: [], console: false, mfa: false, keys: [{ ageDays: 500, active: false, lastUsedDays: 400 }, { ageDays: 45, active: true }] },
];

const USER_DETAILS: UserDetail[] = USERS.map((u) => ({
  Path: '/',
  UserName: u.name,
  UserId: uniqueId('AIDA'),
  Arn: iamArn('user', u.name),
  CreateDate: daysBefore(600),
  GroupList: u.groups,
  UserPolicyList: [],
  AttachedManagedPolicies: [],
  Tags: [],
}));

/** IAM's credential report CSV for USERS (and the root user, whose keys account.ts leaves present). */
function credentialReportCsv(): string {
  const at = (days: number | undefined) => (days === undefined ? 'N/A' : daysBefore(days).toISOString().replace('.000Z', '+00:00'));
  const header = ['user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active'];
  for (const n of [1, 2]) header.push(`access_key_${n}_active`, `access_key_${n}_last_rotated`, `access_key_${n}_last_used_date`, `access_key_${n}_last_used_region`, `access_key_${n}_last_used_service`);
  header.push('cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated');
  const keyCells = (k: SampleUser['keys'][number] | undefined) =>
    k ? [String(k.active), at(k.ageDays), at(k.lastUsedDays), k.lastUsedDays === undefined ? 'N/A' : 'eu-west-1', k.lastUsedDays === undefined ? 'N/A' : 's3'] : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const root = ['<root_account>', `arn:aws:iam::${ACCOUNT}:root`, at(900), 'not_supported', at(10), 'not_supported', 'not_supported', 'true', 'true', at(1500), at(700), 'us-east-1', 'iam', 'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A'];
  const rows = USERS.map((u) => [
    u.name, iamArn('user', u.name), at(600), String(u.console), u.console ? at(u.passwordUsedDays) : 'N/A', u.console ? at(590) : 'N/A', 'N/A', String(u.mfa),
    ...keyCells(u.keys[0]), ...keyCells(u.keys[1]), 'false', 'N/A', 'false', 'N/A',
  ]);
  return [header, root, ...rows].map((r) => r.join(',')).join('\n');
}

const keyId = (user: string, i: number) => `AKIA${user.replace(/[^a-z]/g, '').toUpperCase().slice(0, 10).padEnd(10, 'X')}${i}EXAMPLE`.slice(0, 20);

export function register(sim: SimulatedAws): void {
  // Two pages, as IAM pages large accounts: identities first, then roles and policies.
  sim.on<GetAccountAuthorizationDetailsCommandOutput>('iam.GetAccountAuthorizationDetails', (input) =>
    input.Marker === 'page-2'
      ? { RoleDetailList: ROLE_DETAILS, Policies: POLICIES, IsTruncated: false }
      : { UserDetailList: USER_DETAILS, GroupDetailList: GROUPS, IsTruncated: true, Marker: 'page-2' },
  );
  sim.on<GetLoginProfileCommandOutput>('iam.GetLoginProfile', (input) => {
    const u = USERS.find((x) => x.name === input.UserName);
    if (!u?.console) return simError('NoSuchEntity', 404, `Login Profile for User ${input.UserName} cannot be found.`);
    return { LoginProfile: { UserName: u.name, CreateDate: daysBefore(590), PasswordResetRequired: false } };
  });
  sim.on<ListMFADevicesCommandOutput>('iam.ListMFADevices', (input) => {
    const u = USERS.find((x) => x.name === input.UserName);
    return { MFADevices: u?.mfa ? [{ UserName: u.name, SerialNumber: iamArn('mfa', u.name), EnableDate: daysBefore(580) }] : [], IsTruncated: false };
  });
  sim.on<ListAccessKeysCommandOutput>('iam.ListAccessKeys', (input) => {
    const u = USERS.find((x) => x.name === input.UserName);
    return {
      AccessKeyMetadata: (u?.keys ?? []).map((k, i) => ({ UserName: u!.name, AccessKeyId: keyId(u!.name, i), Status: k.active ? 'Active' : 'Inactive', CreateDate: daysBefore(k.ageDays) })),
      IsTruncated: false,
    };
  });
  sim.on<GenerateCredentialReportCommandOutput>('iam.GenerateCredentialReport', () => ({ State: 'COMPLETE' }));
  // Content is a byte array; evidence stores byte arrays as base64, so the simulator answers in that form.
  sim.on<Omit<GetCredentialReportCommandOutput, 'Content'> & { Content: string }>('iam.GetCredentialReport', () => ({
    Content: Buffer.from(credentialReportCsv()).toString('base64'),
    ReportFormat: 'text/csv',
    GeneratedTime: daysBefore(0),
  }));
  sim.on<GetAccountSummaryCommandOutput>('iam.GetAccountSummary', () => ({
    SummaryMap: {
      Users: USERS.length,
      Roles: ROLE_DETAILS.length,
      Groups: GROUPS.length,
      Policies: 2,
      AccountMFAEnabled: 1,
      // Root access keys created years ago for a CLI script and never removed.
      AccountAccessKeysPresent: 1,
      AccountSigningCertificatesPresent: 0,
      MFADevices: 1,
      MFADevicesInUse: 1,
    },
  }));
  sim.on<GetAccountPasswordPolicyCommandOutput>('iam.GetAccountPasswordPolicy', () => ({
    PasswordPolicy: {
      MinimumPasswordLength: 12,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: false,
      PasswordReusePrevention: 5,
    },
  }));
}
