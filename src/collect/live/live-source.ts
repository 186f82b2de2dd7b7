// Live AWS: the SDK's default credential chain (environment, profiles, SSO, instance and container
// roles). Fails with a UsageError-worthy message when no credentials can be found.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { PreparedSource } from '../source.ts';

export class NoCredentialsError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'NoCredentialsError';
  }
}

export interface LiveSourceOptions {
  profile?: string;
  regions: string[];
}

export async function liveSource(opts: LiveSourceOptions): Promise<PreparedSource> {
  const credentials = fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  try {
    await credentials();
  } catch (err) {
    throw new NoCredentialsError((err as Error).message);
  }
  const region = opts.regions[0] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const sts = new STSClient({ region, credentials });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  sts.destroy();
  const regions = opts.regions.length ? opts.regions : [region];
  return {
    kind: 'live',
    location: `aws://${identity.Account}`,
    scope: { accounts: [identity.Account!], regions },
    credentialsFor: () => credentials,
    // S3 bucket calls go through one client; buckets in other regions answer with a redirect it follows.
    clientConfig: (service: string) => ({ retryMode: 'adaptive', maxAttempts: 8, ...(service === 's3' ? { followRegionRedirects: true } : {}) }),
  };
}
