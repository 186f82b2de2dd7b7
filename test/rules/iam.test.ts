import { describe, expect, it } from 'vitest';
import { rule as aiRoles } from '../../src/evaluate/rules/iam-ai-service-roles-no-admin-permissions.ts';
import { rule as bedrockInvoke } from '../../src/evaluate/rules/iam-bedrock-invoke-restricted-by-network-and-tls.ts';
import { rule as consoleMfa } from '../../src/evaluate/rules/iam-console-users-mfa-enabled.ts';
import { rule as keysRotated } from '../../src/evaluate/rules/iam-access-keys-rotated.ts';
import { rule as externalId } from '../../src/evaluate/rules/iam-third-party-role-trust-requires-external-id.ts';
import { rule as passwordPolicy } from '../../src/evaluate/rules/iam-password-policy-strong.ts';
import { rule as rootKeys } from '../../src/evaluate/rules/iam-root-account-no-access-keys.ts';
import { rule as scp } from '../../src/evaluate/rules/organizations-service-control-policies-enforced.ts';
import { rule as analyzerActive } from '../../src/evaluate/rules/accessanalyzer-external-access-analyzer-active.ts';
import { failed, notConfigured, ok, runRule, statuses } from '../helpers/evidence.ts';

const G = { region: 'global' };
const enc = (...Statement: unknown[]) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));
const trustService = (svc: string) => enc({ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' });
const details = (resp: Record<string, unknown>) => ok('iam.GetAccountAuthorizationDetails', resp, G);

describe('iam-ai-service-roles-no-admin-permissions', () => {
  it('fails a SageMaker role with AdministratorAccess and passes a scoped one; ignores roles of other services', () => {
    const f = runRule(aiRoles, [
      details({
        RoleDetailList: [
          { RoleName: 'Admin', Arn: 'arn:aws:iam::111122223333:role/Admin', AssumeRolePolicyDocument: trustService('sagemaker.amazonaws.com'), AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] },
          { RoleName: 'Scoped', Arn: 'arn:aws:iam::111122223333:role/Scoped', AssumeRolePolicyDocument: trustService('bedrock.amazonaws.com'), RolePolicyList: [{ PolicyName: 'p', PolicyDocument: enc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }] },
          { RoleName: 'Wild', Arn: 'arn:aws:iam::111122223333:role/Wild', AssumeRolePolicyDocument: trustService('sagemaker.amazonaws.com'), RolePolicyList: [{ PolicyName: 'p', PolicyDocument: enc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }] },
          { RoleName: 'Lambda', Arn: 'arn:aws:iam::111122223333:role/Lambda', AssumeRolePolicyDocument: trustService('lambda.amazonaws.com'), AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] },
        ],
      }),
    ]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['Admin', 'fail'], ['Scoped', 'pass'], ['Wild', 'fail']]);
  });
  it('is unknown when the authorization details failed and not_applicable without AI roles', () => {
    expect(statuses(runRule(aiRoles, [failed('iam.GetAccountAuthorizationDetails', G)]))).toEqual(['unknown']);
    expect(statuses(runRule(aiRoles, [details({ RoleDetailList: [] })]))).toEqual(['not_applicable']);
  });
});

describe('iam-bedrock-invoke-restricted-by-network-and-tls', () => {
  const role = (doc: string) => details({ RoleDetailList: [{ RoleName: 'App', Arn: 'arn:aws:iam::111122223333:role/App', AssumeRolePolicyDocument: trustService('lambda.amazonaws.com'), RolePolicyList: [{ PolicyName: 'invoke', PolicyDocument: doc }] }] });
  it('passes with source network and SecureTransport conditions, fails with only one of them', () => {
    const good = enc({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Bool: { 'aws:SecureTransport': 'true' } } });
    const tlsOnly = enc({ Effect: 'Allow', Action: 'bedrock:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
    expect(statuses(runRule(bedrockInvoke, [role(good)]))).toEqual(['pass']);
    expect(statuses(runRule(bedrockInvoke, [role(tlsOnly)]))).toEqual(['fail']);
  });
  it('is not_applicable when no policy grants InvokeModel on every model', () => {
    const scoped = enc({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku' });
    expect(statuses(runRule(bedrockInvoke, [role(scoped)]))).toEqual(['not_applicable']);
  });
});

describe('iam-console-users-mfa-enabled and iam-access-keys-rotated', () => {
  const users = details({ UserDetailList: [{ UserName: 'a', Arn: 'arn:aws:iam::111122223333:user/a' }, { UserName: 'b', Arn: 'arn:aws:iam::111122223333:user/b' }] });
  it('fails a console user without MFA, skips users without a console password, unknown on error', () => {
    const f = runRule(consoleMfa, [
      users,
      ok('iam.GetLoginProfile', { LoginProfile: { UserName: 'a' } }, { ...G, input: { UserName: 'a' } }),
      ok('iam.ListMFADevices', { MFADevices: [] }, { ...G, input: { UserName: 'a' } }),
      notConfigured('iam.GetLoginProfile', 'NoSuchEntity', { ...G, input: { UserName: 'b' } }),
    ]);
    expect(statuses(f)).toEqual(['fail', 'not_applicable']);
    const unknown = runRule(consoleMfa, [users, failed('iam.GetLoginProfile', { ...G, input: { UserName: 'a' } }), failed('iam.GetLoginProfile', { ...G, input: { UserName: 'b' } })]);
    expect(statuses(unknown)).toEqual(['unknown', 'unknown']);
  });
  it('fails active keys older than accessKeyMaxAgeDays and ignores inactive ones', () => {
    const keys = (user: string, ...k: { d: string; s: string }[]) => ok('iam.ListAccessKeys', { AccessKeyMetadata: k.map((x, i) => ({ AccessKeyId: `AKIA${i}`, Status: x.s, CreateDate: x.d })) }, { ...G, input: { UserName: user } });
    const f = runRule(keysRotated, [users, keys('a', { d: '2026-01-01T00:00:00Z', s: 'Active' }), keys('b', { d: '2025-01-01T00:00:00Z', s: 'Inactive' }, { d: '2026-11-01T00:00:00Z', s: 'Active' })], { params: { accessKeyMaxAgeDays: 90 } });
    expect(statuses(f)).toEqual(['fail', 'pass']);
    expect(statuses(runRule(keysRotated, [users, keys('a'), keys('b')], { params: { accessKeyMaxAgeDays: 400 } }))).toEqual(['pass', 'pass']);
  });
});

describe('iam-third-party-role-trust-requires-external-id', () => {
  const trust = (cond?: unknown) => enc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', ...(cond ? { Condition: cond } : {}) });
  const roles = (doc: string) => details({ RoleDetailList: [{ RoleName: 'Vendor', Arn: 'arn:aws:iam::111122223333:role/Vendor', AssumeRolePolicyDocument: doc }] });
  it('passes with sts:ExternalId, fails without, not_applicable for same-account trust', () => {
    expect(statuses(runRule(externalId, [roles(trust({ StringEquals: { 'sts:ExternalId': 'x' } }))]))).toEqual(['pass']);
    expect(statuses(runRule(externalId, [roles(trust())]))).toEqual(['fail']);
    const own = enc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' });
    expect(statuses(runRule(externalId, [roles(own)]))).toEqual(['not_applicable']);
  });
});

describe('account-level IAM settings', () => {
  it('treats a missing password policy as fail, a strong one as pass', () => {
    expect(statuses(runRule(passwordPolicy, [notConfigured('iam.GetAccountPasswordPolicy', 'NoSuchEntity', G)]))).toEqual(['fail']);
    expect(statuses(runRule(passwordPolicy, [ok('iam.GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } }, G)]))).toEqual(['pass']);
    expect(statuses(runRule(passwordPolicy, [failed('iam.GetAccountPasswordPolicy', G)]))).toEqual(['unknown']);
  });
  it('reads root access keys from the account summary', () => {
    expect(statuses(runRule(rootKeys, [ok('iam.GetAccountSummary', { SummaryMap: { AccountAccessKeysPresent: 1 } }, G)]))).toEqual(['fail']);
    expect(statuses(runRule(rootKeys, [ok('iam.GetAccountSummary', { SummaryMap: { AccountAccessKeysPresent: 0 } }, G)]))).toEqual(['pass']);
  });
  it('SCPs: not in an organization is not_applicable, only FullAWSAccess fails, AccessDenied is unknown', () => {
    const org = ok('organizations.DescribeOrganization', { Organization: { Id: 'o-1', FeatureSet: 'ALL' } }, G);
    const list = (Policies: unknown[]) => ok('organizations.ListPolicies', { Policies }, { ...G, input: { Filter: 'SERVICE_CONTROL_POLICY' } });
    expect(statuses(runRule(scp, [notConfigured('organizations.DescribeOrganization', 'AWSOrganizationsNotInUseException', G)]))).toEqual(['not_applicable']);
    expect(statuses(runRule(scp, [org, list([{ Name: 'FullAWSAccess', AwsManaged: true }])]))).toEqual(['fail']);
    expect(statuses(runRule(scp, [org, list([{ Name: 'FullAWSAccess', AwsManaged: true }, { Name: 'DenyRegions', AwsManaged: false }])]))).toEqual(['pass']);
    expect(statuses(runRule(scp, [org, failed('organizations.ListPolicies', { ...G, input: { Filter: 'SERVICE_CONTROL_POLICY' } })]))).toEqual(['unknown']);
  });
  it('Access Analyzer: one finding per region, missing analyzer fails, list error unknown', () => {
    const scope = { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1', 'eu-central-1'] };
    const f = runRule(
      analyzerActive,
      [
        ok('accessanalyzer.ListAnalyzers', { analyzers: [{ name: 'a', arn: 'arn', type: 'ACCOUNT', status: 'ACTIVE' }] }, { region: 'eu-west-1' }),
        ok('accessanalyzer.ListAnalyzers', { analyzers: [] }, { region: 'us-east-1' }),
        failed('accessanalyzer.ListAnalyzers', { region: 'eu-central-1' }),
      ],
      { scope },
    );
    expect(f.map((x) => [x.region, x.status])).toEqual([['eu-west-1', 'pass'], ['us-east-1', 'fail'], ['eu-central-1', 'unknown']]);
  });
});
