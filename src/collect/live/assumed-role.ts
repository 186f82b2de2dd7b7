// Entering another account: STS AssumeRole of a named read-only role, with an external id when the
// role's trust policy requires one. Credentials are shared by every client of the account and
// renewed shortly before they expire, so a long run makes one AssumeRole call per account per hour.
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export interface RoleToAssume {
  roleName: string;
  externalId?: string;
  sessionName?: string;
}

export const DEFAULT_ROLE_NAME = 'ProoflineReadOnly';
export const DEFAULT_SESSION_NAME = 'proofline';
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export function roleArn(partition: string, account: string, roleName: string): string {
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/** One in-flight or current credential per provider; a failure is not cached, a success until near expiry. */
export function shared(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (current) {
      const c = await current.catch(() => undefined);
      if (c && (!c.expiration || c.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS)) return c;
    }
    current = provider();
    current.catch(() => {
      current = undefined;
    });
    return current;
  };
}

export function assumedRoleCredentials(
  base: AwsCredentialIdentityProvider,
  arn: string,
  role: RoleToAssume,
  region: string,
  clientConfig: Record<string, unknown> = {},
): AwsCredentialIdentityProvider {
  return shared(
    fromTemporaryCredentials({
      masterCredentials: base,
      params: { RoleArn: arn, RoleSessionName: role.sessionName ?? DEFAULT_SESSION_NAME, ...(role.externalId ? { ExternalId: role.externalId } : {}), DurationSeconds: 3600 },
      clientConfig: { ...clientConfig, region },
    }),
  );
}

/** A provider that fails at once with why the account could not be entered (no network, no retry storm). */
export function failedCredentials(reason: unknown): AwsCredentialIdentityProvider {
  return async () => {
    throw reason;
  };
}
