// Live AWS. Credentials come from the chain users already use (environment, shared config profiles,
// SSO, instance and container roles) or --profile. The scope is the caller's account, an explicit
// account list, or every active account of the Organization; other accounts are entered by assuming
// a named read-only role. Regions are the configured ones, else the account's enabled regions.
// An account that cannot be entered is recorded as error evidence and the others proceed.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit from 'p-limit';
import { checkAccountId, checkRegionName } from '../../util/aws-ids.ts';
import type { EvidenceRecord } from '../evidence-record.ts';
import { assumeRoleFailureRecord, describeRegionsRecord } from '../preflight.ts';
import type { PreparedSource } from '../source.ts';
import { assumedRoleCredentials, DEFAULT_ROLE_NAME, DEFAULT_SESSION_NAME, failedCredentials, roleArn, shared, type RoleToAssume } from './assumed-role.ts';
import { enabledRegions } from './enabled-regions.ts';
import { DEFAULT_LIVE_CLIENT_SETTINGS, liveClientConfig, type LiveClientSettings } from './live-client-config.ts';
import { organizationAccounts } from './organization-accounts.ts';
import { resolveRetrySettings, type RetrySettings } from './retry-settings.ts';
import { InputError, type InputProblem } from '../../util/input-error.ts';

export class NoCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCredentialsError';
  }
}

/** Preparing the scope failed for a reason the user can fix (e.g. not allowed to list the Organization). */
export class ScopeError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'ScopeError';
  }
}

export interface LiveSourceOptions {
  profile?: string;
  /** Empty: the caller account's enabled regions. */
  regions: string[];
  /** Explicit accounts to enter; empty with `organization` false means the caller's account only. */
  accounts?: string[];
  /** Every ACTIVE account of the caller's Organization. */
  organization?: boolean;
  role?: Partial<RoleToAssume>;
  /** Accounts whose role is assumed at once while preparing. */
  accountConcurrency?: number;
  client?: Partial<LiveClientSettings>;
  /** Base credentials; tests inject them, users get the SDK's chain. */
  credentials?: AwsCredentialIdentityProvider;
  now?: () => Date;
}

export interface LiveSource extends PreparedSource {
  /** Attempts and retry mode every client uses, and where each came from. */
  retry: RetrySettings;
  /** Error records for accounts that could not be entered (sts.AssumeRole). */
  preflight: EvidenceRecord[];
  /** How another process (a worker) enters the same accounts with its own credential chain. */
  entry: LiveEntrySpec;
}

/** The serialisable part of AccountEntry: no credentials, only where they come from. */
export interface LiveEntrySpec {
  profile?: string;
  callerAccount: string;
  partition: string;
  role: RoleToAssume;
  region: string;
  client?: Partial<LiveClientSettings>;
}

function homeRegion(opts: LiveSourceOptions): string {
  return opts.regions[0] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** Error the collectors of an unreachable account see on every call: non-retryable, naming the role. */
function cannotEnter(arn: string, err: unknown): Error {
  const cause = err as { name?: string; message?: string; $metadata?: unknown };
  const e = new Error(`cannot assume ${arn}: ${cause?.name ?? 'Error'}: ${cause?.message ?? String(err)}`) as Error & { Code?: string; $metadata?: unknown };
  e.name = 'AssumeRoleFailed';
  if (cause?.name) e.Code = cause.name;
  e.$metadata = cause?.$metadata;
  return e;
}

/** What entering a member account needs: the caller's credentials and the role to assume there. */
export interface AccountEntry {
  base: AwsCredentialIdentityProvider;
  callerAccount: string;
  partition: string;
  role: RoleToAssume;
  region: string;
  stsConfig: Record<string, unknown>;
}

/**
 * Credentials for one account: the caller's own for its account, else the assumed role. An account that
 * cannot be entered gets credentials that fail every call naming the role (so its evidence is errors).
 */
export async function enterAccount(entry: AccountEntry, account: string): Promise<{ credentials: AwsCredentialIdentityProvider; failure?: unknown }> {
  // The caller's own account is read with the caller's credentials (the role is for member accounts).
  if (account === entry.callerAccount) return { credentials: entry.base };
  const arn = roleArn(entry.partition, account, entry.role.roleName);
  const provider = assumedRoleCredentials(entry.base, arn, entry.role, entry.region, entry.stsConfig);
  try {
    await provider();
    return { credentials: provider };
  } catch (err) {
    return { credentials: failedCredentials(cannotEnter(arn, err)), failure: err };
  }
}

/** A worker's live source for some accounts of a run prepared elsewhere (no preflight: the run has it). */
export async function liveAccountsSource(spec: LiveEntrySpec, scope: PreparedSource['scope']): Promise<PreparedSource> {
  const clientConfig = liveClientConfig({ ...DEFAULT_LIVE_CLIENT_SETTINGS, ...spec.client });
  const base = shared(fromNodeProviderChain(spec.profile ? { profile: spec.profile } : {}));
  const entry: AccountEntry = { base, callerAccount: spec.callerAccount, partition: spec.partition, role: spec.role, region: spec.region, stsConfig: clientConfig('sts', spec.region) };
  const credentials = new Map<string, AwsCredentialIdentityProvider>();
  for (const account of scope.accounts) credentials.set(account, (await enterAccount(entry, account)).credentials);
  return { kind: 'live', scope, credentialsFor: (account) => credentials.get(account), clientConfig: clientConfig as PreparedSource['clientConfig'], regionSelection: { method: 'requested', evidence: [] } };
}

export async function liveSource(opts: LiveSourceOptions): Promise<LiveSource> {
  for (const a of opts.accounts ?? []) checkAccountId(a, 'accounts');
  for (const r of opts.regions) checkRegionName(r, 'regions');
  const now = opts.now ?? (() => new Date());
  const retry = await resolveRetrySettings({ maxAttempts: opts.client?.maxAttempts, retryMode: opts.client?.retryMode }, opts.profile);
  const settings = { ...DEFAULT_LIVE_CLIENT_SETTINGS, ...opts.client, maxAttempts: retry.maxAttempts, retryMode: retry.retryMode };
  const clientConfig = liveClientConfig(settings);
  const region = homeRegion(opts);
  const base = shared(opts.credentials ?? fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {}));
  try {
    await base();
  } catch (err) {
    throw new NoCredentialsError((err as Error).message);
  }
  const sts = new STSClient({ ...clientConfig('sts', region), region, credentials: base });
  const identity = await sts.send(new GetCallerIdentityCommand({})).finally(() => sts.destroy());
  // AWS's answers become folder names too: an endpoint that is not AWS could answer anything.
  const callerAccount = checkAccountId(identity.Account, 'sts GetCallerIdentity Account');
  const partition = identity.Arn?.split(':')[1] || 'aws';

  let accounts = opts.accounts?.length ? [...new Set(opts.accounts)] : [callerAccount];
  if (opts.organization) {
    try {
      accounts = await organizationAccounts(base, region, clientConfig('organizations', region));
    } catch (err) {
      throw new ScopeError({ file: '--organization', message: `cannot list the Organization's accounts from ${callerAccount} (${(err as Error).name}: ${(err as Error).message}); run from the management account or a delegated administrator, or pass --accounts` });
    }
  }

  let regions = opts.regions;
  const preflight: EvidenceRecord[] = [];
  if (!regions.length) {
    try {
      const enabled = await enabledRegions(base, region, clientConfig('ec2', region));
      regions = enabled.regions;
      preflight.push(describeRegionsRecord(callerAccount, region, enabled.response, enabled.requestId, now()));
    } catch (err) {
      throw new ScopeError({ file: '--regions', message: `not given, and the enabled regions of ${callerAccount} cannot be listed (${(err as Error).name}: ${(err as Error).message}); pass --regions or set regions in the config` });
    }
  }

  const role: RoleToAssume = { roleName: opts.role?.roleName ?? DEFAULT_ROLE_NAME, externalId: opts.role?.externalId, sessionName: opts.role?.sessionName ?? DEFAULT_SESSION_NAME };
  const credentials = new Map<string, AwsCredentialIdentityProvider>();
  const limit = pLimit(opts.accountConcurrency ?? 10);
  const entry: AccountEntry = { base, callerAccount, partition, role, region, stsConfig: clientConfig('sts', region) };
  await Promise.all(
    accounts.map((account) =>
      limit(async () => {
        const entered = await enterAccount(entry, account);
        credentials.set(account, entered.credentials);
        if (entered.failure) preflight.push(assumeRoleFailureRecord(account, roleArn(partition, account, role.roleName), role.sessionName!, entered.failure, now()));
      }),
    ),
  );

  return {
    kind: 'live',
    location: opts.organization ? `aws://organization/${callerAccount}` : `aws://${accounts.length === 1 ? accounts[0] : callerAccount}`,
    scope: { accounts: [...accounts].sort(), regions: [...regions].sort() },
    credentialsFor: (account) => credentials.get(account),
    clientConfig: clientConfig as PreparedSource['clientConfig'],
    preflight,
    callDeadlineMs: settings.callDeadlineMs,
    regionSelection: { method: opts.regions.length ? 'requested' : 'enabled-regions', evidence: preflight.filter((r) => r.key === 'ec2.DescribeRegions').map((r) => r.id) },
    entry: { ...(opts.profile ? { profile: opts.profile } : {}), callerAccount, partition, role, region, client: { ...opts.client, maxAttempts: retry.maxAttempts, retryMode: retry.retryMode } },
    retry,
  };
}
