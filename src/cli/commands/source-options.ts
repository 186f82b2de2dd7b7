// Turns the source flags (source-flags.ts) into a prepared source: a verified snapshot to replay, or
// live AWS (credentials, accounts, regions).
import { liveSource, NoCredentialsError, ScopeError } from '../../collect/live/live-source.ts';
import type { RetryOverride } from '../../collect/live/retry-settings.ts';
import type { PreparedSource } from '../../collect/source.ts';
import { verifiedSnapshotSource } from '../../run/replay-source.ts';
import { UsageError } from '../exit-codes.ts';
import { checkSourceFlags, type SourceFlags } from './source-flags.ts';

const SAMPLE_HINT = 'To try Proofline without AWS credentials, run it on the bundled sample account:\n  npm run demo\n  (or: npx proofline run --source samples/sample-account --out out)';

/** `callDeadlineSeconds`: the config's bound on one live call, retries included. */
export async function prepareSource(flags: SourceFlags, configRegions: string[], callDeadlineSeconds?: number, retry: RetryOverride = {}): Promise<PreparedSource> {
  const checked = checkSourceFlags(flags);
  // The config's regions were checked with the config (config-schema.ts).
  const regions = checked.regions ?? configRegions;
  if (flags.source) return verifiedSnapshotSource(flags.source, regions);
  const accounts = checked.accounts;
  try {
    return await liveSource({
      profile: flags.profile,
      regions,
      accounts,
      organization: flags.organization,
      role: { roleName: flags.roleName, externalId: flags.externalId ?? process.env.PROOFLINE_EXTERNAL_ID },
      client: { ...retry, ...(callDeadlineSeconds ? { callDeadlineMs: callDeadlineSeconds * 1000 } : {}) },
    });
  } catch (err) {
    if (err instanceof NoCredentialsError) throw new UsageError({ file: 'AWS credentials (environment, profile or instance role)', message: `No AWS credentials were found (${err.message}).\n${SAMPLE_HINT}` });
    if (err instanceof ScopeError) throw new UsageError(err.problems);
    throw err;
  }
}
