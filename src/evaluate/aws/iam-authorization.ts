// Reads IAM's GetAccountAuthorizationDetails evidence (all pages) into users, roles, groups and
// managed policies, and lists the identity policies that grant permissions, each with its statements.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { GLOBAL_REGION, type Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { accountResource, required } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { parsePolicy, type Statement } from './policy-document.ts';

export const AUTHORIZATION_DETAILS = 'iam.GetAccountAuthorizationDetails';
type DetailsKey = typeof AUTHORIZATION_DETAILS;

type Details = EvidenceResponse<'iam.GetAccountAuthorizationDetails'>;
export type RoleDetail = NonNullable<Details['RoleDetailList']>[number];
export type UserDetail = NonNullable<Details['UserDetailList']>[number];
export type GroupDetail = NonNullable<Details['GroupDetailList']>[number];
export type ManagedPolicyDetail = NonNullable<Details['Policies']>[number];
export type InlinePolicy = NonNullable<RoleDetail['RolePolicyList']>[number];

export interface AuthorizationDetails {
  users: UserDetail[];
  roles: RoleDetail[];
  groups: GroupDetail[];
  policies: Map<string, ManagedPolicyDetail>;
  records: EvidenceRecord[];
}

export type DetailsAt = ({ ok: true } & AuthorizationDetails) | { ok: false; error: string; records: EvidenceRecord[] };

export function globalTargets(ctx: RuleContext<never>): Target[] {
  return ctx.scope.accounts.map((account) => ({ account, region: GLOBAL_REGION }));
}

export function authorizationDetails(ctx: RuleContext<DetailsKey>, where: Target): DetailsAt {
  const call = ctx.evidence.call(AUTHORIZATION_DETAILS, where);
  if (call.state !== 'ok') return { ok: false, error: call.error, records: call.records };
  return {
    ok: true,
    users: call.responses.flatMap((r) => r.UserDetailList ?? []),
    roles: call.responses.flatMap((r) => r.RoleDetailList ?? []),
    groups: call.responses.flatMap((r) => r.GroupDetailList ?? []),
    policies: new Map(call.responses.flatMap((r) => r.Policies ?? []).map((p) => [p.Arn ?? '', p])),
    records: call.records,
  };
}

/** An "unknown" finding for an account whose authorization details could not be read. */
export function detailsUnknown(ctx: RuleContext<never>, where: Target, d: { error: string; records: EvidenceRecord[] }) {
  return ctx.finding('unknown', where, accountResource(where), `Could not read IAM authorization details: ${d.error}`, d.records);
}

/**
 * Runs `judge` on each account's authorization details. An account whose details could not be read
 * gets one `unknown` finding; one where `judge` found nothing to judge gets one account-level
 * `not_applicable` finding saying `nothingToJudge`, so no account is silently left out.
 */
export function forEachAccountDetails(ctx: RuleContext<DetailsKey>, nothingToJudge: string, judge: (d: AuthorizationDetails, where: Target) => Finding[]): Finding[] {
  return globalTargets(ctx).flatMap((where) => {
    const d = authorizationDetails(ctx, where);
    if (!d.ok) return [detailsUnknown(ctx, where, d)];
    const judged = judge(d, where);
    return judged.length ? judged : [ctx.finding('not_applicable', where, accountResource(where), nothingToJudge, d.records)];
  });
}

export function defaultDocument(p: ManagedPolicyDetail): unknown {
  const versions = p.PolicyVersionList ?? [];
  return (versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId === p.DefaultVersionId))?.Document;
}

export function isAwsManaged(arn: string): boolean {
  return /^arn:aws[\w-]*:iam::aws:policy\//.test(arn);
}

/** A policy that grants permissions to some identity, with its statements (or why they are unreadable). */
export interface IdentityPolicy {
  /** How reasons name it, e.g. `managed policy AcmeData` or `inline policy "s3" of role AcmeApp`. */
  label: string;
  resource: ResourceRef;
  statements?: Statement[];
  parseError?: string;
}

function parsed(doc: unknown): Pick<IdentityPolicy, 'statements' | 'parseError'> {
  if (doc === undefined) return { parseError: 'policy document missing from the authorization details' };
  try {
    return { statements: parsePolicy(doc) };
  } catch (err) {
    return { parseError: (err as Error).message };
  }
}

export function managedPolicy(d: AuthorizationDetails, arn: string, name: string): IdentityPolicy {
  const p = d.policies.get(arn);
  return { label: `managed policy ${name}`, resource: { type: 'AWS::IAM::ManagedPolicy', id: name, arn }, ...(p ? parsed(defaultDocument(p)) : { parseError: `managed policy ${arn} is not in the authorization details` }) };
}

function inline(kind: 'role' | 'user' | 'group', owner: { Arn?: string }, ownerName: string | undefined, p: InlinePolicy): IdentityPolicy {
  const type = kind === 'role' ? 'AWS::IAM::Role' : kind === 'user' ? 'AWS::IAM::User' : 'AWS::IAM::Group';
  return { label: `inline policy "${p.PolicyName}" of ${kind} ${ownerName}`, resource: { type, id: `${ownerName}/${p.PolicyName}`, arn: owner.Arn }, ...parsed(p.PolicyDocument) };
}

/** The permission policies of one role: attached managed policies and inline policies. */
export function rolePolicies(d: AuthorizationDetails, role: RoleDetail): IdentityPolicy[] {
  return [
    ...(role.AttachedManagedPolicies ?? []).map((a) => managedPolicy(d, required(a, 'PolicyArn', 'An attached policy'), a.PolicyName ?? a.PolicyArn!)),
    ...(role.RolePolicyList ?? []).map((p) => inline('role', role, role.RoleName, p)),
  ];
}

/** Every identity policy in force: managed policies attached somewhere, and every inline policy. */
export function policiesInForce(d: AuthorizationDetails): IdentityPolicy[] {
  return [
    ...[...d.policies.values()].filter((p) => required(p, 'AttachmentCount', `Managed policy ${p.PolicyName}`) > 0).map((p) => managedPolicy(d, required(p, 'Arn', 'A managed policy'), p.PolicyName ?? p.Arn!)),
    ...d.roles.flatMap((r) => (r.RolePolicyList ?? []).map((p) => inline('role', r, r.RoleName, p))),
    ...d.users.flatMap((u) => (u.UserPolicyList ?? []).map((p) => inline('user', u, u.UserName, p))),
    ...d.groups.flatMap((g) => (g.GroupPolicyList ?? []).map((p) => inline('group', g, g.GroupName, p))),
  ];
}

export function roleResource(role: RoleDetail): ResourceRef {
  return { type: 'AWS::IAM::Role', id: required(role, 'RoleName', 'A role'), arn: role.Arn };
}

export function userResource(user: UserDetail): ResourceRef {
  return { type: 'AWS::IAM::User', id: required(user, 'UserName', 'A user'), arn: user.Arn };
}
