// The flags that choose where evidence comes from and how hard AWS is asked, shared by `run`,
// `record` and `schedule`, and their checks. Light on purpose: a command checks its flags with this
// before it loads the pipeline (source-options.ts, the SDK clients, the renderers), so a mistyped flag
// is refused at once.
import type { Command } from 'commander';
import { RETRY_MODES, type RetryMode, type RetryOverride } from '../../collect/live/retry-settings.ts';
import type { ProoflineConfig } from '../../config/config-schema.ts';
import { isAccountId, isRegionName } from '../../util/aws-ids.ts';
import { UsageError } from '../exit-codes.ts';

export interface SourceFlags {
  source?: string;
  regions?: string;
  profile?: string;
  accounts?: string;
  organization?: boolean;
  roleName?: string;
  externalId?: string;
  accountConcurrency?: string;
  callConcurrency?: string;
  maxAttempts?: string;
  retryMode?: string;
  quiet?: boolean;
}

export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--source <dir>', 'replay a recorded snapshot folder instead of calling AWS')
    .option('--regions <list>', 'comma-separated regions (overrides the config; default: the account\'s enabled regions)')
    .option('--profile <name>', 'AWS shared config profile (live runs)')
    .option('--accounts <list>', 'comma-separated account ids to enter by assuming --role-name')
    .option('--organization', 'every ACTIVE account of the caller\'s AWS Organization')
    .option('--role-name <name>', 'read-only role to assume in other accounts (default ProoflineReadOnly)')
    .option('--external-id <id>', 'external id the role\'s trust policy requires (or PROOFLINE_EXTERNAL_ID)')
    .option('--account-concurrency <n>', 'collectors at once per account (default 64)')
    .option('--call-concurrency <n>', 'calls in flight per service, account and region (default 16; S3 64)')
    .option('--max-attempts <n>', 'attempts per AWS call, retries included (overrides the config, AWS_MAX_ATTEMPTS and the profile; default 8)')
    .option('--retry-mode <mode>', 'standard or adaptive (overrides the config, AWS_RETRY_MODE and the profile; default adaptive)')
    .option('--quiet', 'no progress display, only the summary');
}

export function listFlag(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function positiveIntFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError({ file: name, message: `"${value}" is not a positive whole number` });
  return n;
}

/** The retry override for live calls: the flags, else the config's awsRetry (the rest is the SDK's settings). */
export function retryOverride(flags: SourceFlags, config: ProoflineConfig['awsRetry']): RetryOverride {
  const maxAttempts = positiveIntFlag('--max-attempts', flags.maxAttempts) ?? config?.maxAttempts;
  const mode = flags.retryMode ?? config?.mode;
  if (mode !== undefined && !(RETRY_MODES as readonly string[]).includes(mode)) throw new UsageError({ file: '--retry-mode', message: `"${mode}" is not one of ${RETRY_MODES.join(', ')}` });
  return { ...(maxAttempts !== undefined ? { maxAttempts } : {}), ...(mode !== undefined ? { retryMode: mode as RetryMode } : {}) };
}

/** The source flags' own checks (not the config's); throws a UsageError naming the flag. */
export function checkSourceFlags(flags: SourceFlags): { regions?: string[]; accounts: string[] } {
  const regions = flags.regions ? listFlag(flags.regions) : undefined;
  const badRegion = regions?.find((r) => !isRegionName(r));
  if (badRegion) throw new UsageError({ file: '--regions', message: `${JSON.stringify(badRegion.slice(0, 80))} is not an AWS region code such as eu-west-1` });
  if (flags.source && (flags.accounts || flags.organization || flags.profile)) throw new UsageError({ file: '--source replays a snapshot', message: '--accounts, --organization and --profile apply to live runs only' });
  const accounts = listFlag(flags.accounts);
  const bad = accounts.find((a) => !isAccountId(a));
  if (bad) throw new UsageError({ file: '--accounts', message: `"${bad}" is not a 12-digit AWS account id` });
  if (accounts.length && flags.organization) throw new UsageError({ file: '--accounts and --organization are alternatives', message: 'pass one' });
  positiveIntFlag('--account-concurrency', flags.accountConcurrency);
  positiveIntFlag('--call-concurrency', flags.callConcurrency);
  retryOverride(flags, undefined);
  return { ...(regions ? { regions } : {}), accounts };
}
