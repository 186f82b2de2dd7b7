// The regions an account can use: every region that needs no opt-in plus those it opted in to.
// Disabled opt-in regions are left out (calls there would only fail with an auth error).
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { checkRegionName } from '../../util/aws-ids.ts';

export interface EnabledRegions {
  regions: string[];
  /** The answer as received (without $metadata), kept as the evidence of how the regions were chosen. */
  response: { Regions?: unknown[] };
  requestId?: string;
}

export async function enabledRegions(credentials: AwsCredentialIdentityProvider, homeRegion: string, clientConfig: Record<string, unknown> = {}): Promise<EnabledRegions> {
  const ec2 = new EC2Client({ ...clientConfig, region: homeRegion, credentials });
  try {
    const { $metadata, ...out } = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    const regions = (out.Regions ?? [])
      .filter((r) => r.OptInStatus === 'opt-in-not-required' || r.OptInStatus === 'opted-in')
      .filter((r) => r.RegionName)
      .map((r) => checkRegionName(r.RegionName, 'ec2 DescribeRegions Regions[].RegionName'))
      .sort();
    return { regions, response: out, ...($metadata?.requestId ? { requestId: $metadata.requestId } : {}) };
  } finally {
    ec2.destroy();
  }
}
