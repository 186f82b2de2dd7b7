// Where evidence comes from. The three kinds differ only in the client factory's options: live AWS
// (no responder), a recorded snapshot, or a simulated account (samples, tests, benchmarks).
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Responder } from './evidence-middleware.ts';
import type { EvidenceRecord } from './evidence-record.ts';
import { readSnapshotPreflight } from './snapshot/read-preflight.ts';
import { readSnapshotIndex, snapshotResponder } from './snapshot/read-snapshot.ts';
import type { Scope } from './target.ts';
import { checkRegionName } from '../util/aws-ids.ts';

/**
 * Whether replayed evidence was checked against a signature before it was used: `verified` when it is
 * a package's evidence/ and that package's manifest signature and every digest checked out;
 * `unverified` for a bare snapshot (its digests are not signed). Live evidence is first-hand: none.
 */
export interface SourceVerification {
  status: 'verified' | 'unverified';
  detail: string;
  /** The package whose manifest was verified. */
  package?: string;
  manifestSha256?: string;
}

export interface PreparedSource {
  kind: 'live' | 'snapshot' | 'simulated';
  location?: string;
  verification?: SourceVerification;
  scope: Scope;
  responder?: Responder;
  credentialsFor?: (account: string) => AwsCredentialIdentityProvider | undefined;
  clientConfig?: (service: string, region: string) => Record<string, unknown>;
  /** Evidence from preparing the scope, not from a collector (e.g. a role that could not be assumed). */
  preflight?: EvidenceRecord[];
  /** Total milliseconds one call may take, retries included (live sources). */
  callDeadlineMs?: number;
  /** How the regions were chosen, for the report's scope statement. */
  regionSelection: RegionSelection;
  /** A replay: when the snapshot was recorded (its snapshot.json createdAt). */
  recordedAt?: string;
}

/**
 * requested: --regions or the config's regions; enabled-regions: every region the account can use
 * (ec2 DescribeRegions, kept as evidence); recording: the regions a snapshot holds (optionally narrowed);
 * simulated: the simulated account's regions.
 */
export interface RegionSelection {
  method: 'requested' | 'enabled-regions' | 'recording' | 'simulated';
  /** Ids of the evidence records the choice rests on (ec2.DescribeRegions). */
  evidence: string[];
}

/** A recorded snapshot; `regions` narrows its scope (it cannot widen it: nothing was recorded there). */
export async function snapshotSource(dir: string, regions: string[] = []): Promise<PreparedSource> {
  for (const r of regions) checkRegionName(r, 'regions');
  const index = await readSnapshotIndex(dir);
  const scope = { accounts: index.scope.accounts, regions: regions.length ? regions : index.scope.regions };
  // A replayed answer is final: the SDK must not retry a recorded throttling error.
  const preflight = await readSnapshotPreflight(dir, index);
  const regionSelection: RegionSelection = { method: regions.length ? 'requested' : 'recording', evidence: preflight.filter((r) => r.key === 'ec2.DescribeRegions').map((r) => r.id) };
  return { kind: 'snapshot', location: dir, scope, responder: await snapshotResponder(dir, index), clientConfig: () => ({ maxAttempts: 1 }), preflight, regionSelection, recordedAt: index.createdAt };
}

export function simulatedSource(responder: Responder, scope: Scope, location = 'simulated'): PreparedSource {
  return { kind: 'simulated', location, scope, responder, regionSelection: { method: 'simulated', evidence: [] } };
}
