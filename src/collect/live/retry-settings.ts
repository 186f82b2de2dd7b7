// How many attempts a live call gets and how the SDK retries it. Precedence: Proofline's config or
// flag, then the SDK's own settings (AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, the profile's max_attempts /
// retry_mode), then Proofline's default (adaptive, 8 attempts: client-side rate limiting suits many
// calls per operation). Each field is resolved on its own, so AWS_MAX_ATTEMPTS alone keeps adaptive.
import { loadConfig } from '@smithy/core/config';
import { NODE_MAX_ATTEMPT_CONFIG_OPTIONS, NODE_RETRY_MODE_CONFIG_OPTIONS } from '@smithy/core/retry';
import { InputError } from '../../util/input-error.ts';

export const RETRY_MODES = ['standard', 'adaptive'] as const;
export type RetryMode = (typeof RETRY_MODES)[number];

export interface RetryOverride {
  maxAttempts?: number;
  retryMode?: RetryMode;
}

export type RetrySettingSource = 'proofline-config' | 'aws-sdk-settings' | 'proofline-default';

export interface RetrySettings {
  maxAttempts: number;
  retryMode: RetryMode;
  /** Where each value came from, for the run's record of how AWS was asked. */
  from: { maxAttempts: RetrySettingSource; retryMode: RetrySettingSource };
}

export const DEFAULT_RETRY: Required<RetryOverride> = { maxAttempts: 8, retryMode: 'adaptive' };

/** The SDK's own resolution (environment, then the profile in the shared config files) without its default. */
async function sdkSetting<T>(options: typeof NODE_MAX_ATTEMPT_CONFIG_OPTIONS | typeof NODE_RETRY_MODE_CONFIG_OPTIONS, profile?: string): Promise<T | undefined> {
  const provider = loadConfig<T | undefined>({ ...(options as never as Parameters<typeof loadConfig<T | undefined>>[0]), default: () => undefined }, profile ? { profile } : {});
  // A value the SDK's selector rejects (AWS_MAX_ATTEMPTS=many) is passed over to the next source, as in the SDK.
  return provider();
}

function pick<T>(override: T | undefined, sdk: T | undefined, fallback: T): [T, RetrySettingSource] {
  if (override !== undefined) return [override, 'proofline-config'];
  if (sdk !== undefined) return [sdk, 'aws-sdk-settings'];
  return [fallback, 'proofline-default'];
}

export async function resolveRetrySettings(override: RetryOverride = {}, profile?: string): Promise<RetrySettings> {
  const sdkAttempts = override.maxAttempts === undefined ? await sdkSetting<number>(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, profile) : undefined;
  // An empty AWS_RETRY_MODE counts as unset, as an empty AWS_MAX_ATTEMPTS does in the SDK's selector.
  const sdkMode = override.retryMode === undefined ? (await sdkSetting<string>(NODE_RETRY_MODE_CONFIG_OPTIONS, profile)) || undefined : undefined;
  if (sdkMode !== undefined && !(RETRY_MODES as readonly string[]).includes(sdkMode)) {
    throw new InputError({ file: 'AWS_RETRY_MODE or the profile\'s retry_mode', message: `"${sdkMode}" is not one of ${RETRY_MODES.join(', ')}` });
  }
  const [maxAttempts, attemptsFrom] = pick(override.maxAttempts, sdkAttempts, DEFAULT_RETRY.maxAttempts);
  const [retryMode, modeFrom] = pick(override.retryMode, sdkMode as RetryMode | undefined, DEFAULT_RETRY.retryMode);
  return { maxAttempts, retryMode, from: { maxAttempts: attemptsFrom, retryMode: modeFrom } };
}
