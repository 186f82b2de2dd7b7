// IAM in a synthetic account (global): roles with attached and inline policies, users and access keys.
import type {
  GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommandOutput,
  GetAccountSummaryCommandOutput,
  GetLoginProfileCommandOutput,
  GetRoleCommandOutput,
  ListAccessKeysCommandOutput,
  ListAttachedRolePoliciesCommandOutput,
  ListMFADevicesCommandOutput,
  ListRolePoliciesCommandOutput,
  ListRolesCommandOutput,
  ListUsersCommandOutput,
} from '@aws-sdk/client-iam';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { failing, type AccountPlan } from './plan.ts';
import { createdAt, names, pageOf, resourceIndex } from './synthetic-names.ts';

const ASSUME_SAGEMAKER = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));

export function registerIam(sim: SimulatedAws, plan: AccountPlan): void {
  const roleArn = (r: string) => `arn:aws:iam::${plan.account}:role/${r}`;
  const role = (r: string) => ({ RoleName: r, RoleId: `AROA${r.replace(/\W/g, '').toUpperCase().slice(-16)}`, Arn: roleArn(r), Path: '/', CreateDate: createdAt(r), AssumeRolePolicyDocument: ASSUME_SAGEMAKER });
  const noRole = (r: unknown) => simError('NoSuchEntity', 404, `The role with name ${String(r)} cannot be found.`);
  const isRole = (r: unknown) => resourceIndex(plan, 'roles', 'global', r) !== undefined;
  // IAM pages with Marker/IsTruncated; one user per 20 roles.
  let userList: string[] | undefined;
  const users = () => (userList ??= names(plan, 'roles', 'global').filter((_, i) => i % 20 === 0).map((r) => r.replace('role-', 'user-')));

  sim.on<ListRolesCommandOutput>('iam.ListRoles', (input) => {
    const { page, next } = pageOf(names(plan, 'roles', 'global'), input, { tokenIn: 'Marker', sizeField: 'MaxItems', max: 1000 });
    return { Roles: page.map(role), IsTruncated: next !== undefined, Marker: next };
  });
  sim.on<GetRoleCommandOutput>('iam.GetRole', (input) => (isRole(input.RoleName) ? { Role: role(input.RoleName) } : noRole(input.RoleName)));
  sim.on<ListAttachedRolePoliciesCommandOutput>('iam.ListAttachedRolePolicies', (input) => {
    const r = input.RoleName;
    if (!isRole(r)) return noRole(r);
    const policies = [{ PolicyName: 'AmazonSageMakerFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess' }];
    if (failing(r, 'admin', 0.05)) policies.push({ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    return { AttachedPolicies: policies, IsTruncated: false };
  });
  sim.on<ListRolePoliciesCommandOutput>('iam.ListRolePolicies', (input) => (isRole(input.RoleName) ? { PolicyNames: failing(input.RoleName, 'inline', 0.3) ? ['inline-s3-access'] : [], IsTruncated: false } : noRole(input.RoleName)));
  sim.on<ListUsersCommandOutput>('iam.ListUsers', (input) => {
    const { page, next } = pageOf(users(), input, { tokenIn: 'Marker', sizeField: 'MaxItems', max: 1000 });
    return { Users: page.map((u) => ({ UserName: u, UserId: `AIDA${u.slice(-6)}`, Arn: `arn:aws:iam::${plan.account}:user/${u}`, Path: '/', CreateDate: createdAt(u) })), IsTruncated: next !== undefined, Marker: next };
  });
  sim.on<ListAccessKeysCommandOutput>('iam.ListAccessKeys', (input) => {
    const u = String(input.UserName ?? '');
    return { AccessKeyMetadata: [{ UserName: u, AccessKeyId: `AKIA${u.slice(-12).toUpperCase()}`, Status: 'Active', CreateDate: failing(u, 'oldkey', 0.3) ? new Date('2025-01-01T00:00:00Z') : createdAt(`${u}/key`) }], IsTruncated: false };
  });
  const attached = (r: string) => [
    { PolicyName: 'AmazonSageMakerFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess' },
    ...(failing(r, 'admin', 0.05) ? [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] : []),
  ];
  const inlineS3 = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-global-000000/*' }] }));
  // The collector's one bulk call: users and roles with their policies, paged with Marker/IsTruncated.
  sim.on<GetAccountAuthorizationDetailsCommandOutput>('iam.GetAccountAuthorizationDetails', (input) => {
    const everyone = [...names(plan, 'roles', 'global'), ...users()];
    const { page, next } = pageOf(everyone, input, { tokenIn: 'Marker', sizeField: 'MaxItems', max: 1000 });
    const roles = page.filter((n) => n.startsWith('role-')).map((r) => ({ ...role(r), AttachedManagedPolicies: attached(r), RolePolicyList: failing(r, 'inline', 0.3) ? [{ PolicyName: 'inline-s3-access', PolicyDocument: inlineS3 }] : [], InstanceProfileList: [] }));
    const userDetails = page.filter((n) => n.startsWith('user-')).map((u) => ({ UserName: u, UserId: `AIDA${u.slice(-6)}`, Arn: `arn:aws:iam::${plan.account}:user/${u}`, Path: '/', CreateDate: createdAt(u), AttachedManagedPolicies: [], UserPolicyList: [], GroupList: [] }));
    return { RoleDetailList: roles, UserDetailList: userDetails, GroupDetailList: [], Policies: [], IsTruncated: next !== undefined, Marker: next };
  });
  sim.on<GetLoginProfileCommandOutput>('iam.GetLoginProfile', (input) =>
    failing(String(input.UserName), 'console', 0.6) ? simError('NoSuchEntity', 404, `Login Profile for User ${String(input.UserName)} cannot be found.`) : { LoginProfile: { UserName: input.UserName, CreateDate: createdAt(input.UserName), PasswordResetRequired: false } },
  );
  sim.on<ListMFADevicesCommandOutput>('iam.ListMFADevices', (input) => ({
    MFADevices: failing(String(input.UserName), 'mfa', 0.25) ? [] : [{ UserName: input.UserName, SerialNumber: `arn:aws:iam::${plan.account}:mfa/${input.UserName}`, EnableDate: createdAt(input.UserName) }],
    IsTruncated: false,
  }));
  sim.on<GetAccountSummaryCommandOutput>('iam.GetAccountSummary', () => ({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: users().length, Roles: names(plan, 'roles', 'global').length } }));
  sim.on<GetAccountPasswordPolicyCommandOutput>('iam.GetAccountPasswordPolicy', () => ({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 } }));
}
