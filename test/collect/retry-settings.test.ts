import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STSClient } from '@aws-sdk/client-sts';
import { liveClientConfig, DEFAULT_LIVE_CLIENT_SETTINGS } from '../../src/collect/live/live-client-config.ts';
import { resolveRetrySettings } from '../../src/collect/live/retry-settings.ts';
import { InputError } from '../../src/util/input-error.ts';

// Each test gets its own shared config file: the SDK caches parsed files by path.
function sharedConfig(text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'proofline-retry-'));
  writeFileSync(join(dir, 'config'), text);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials-absent'));
}

describe('retry settings: config, then the SDK settings, then adaptive x 8', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', undefined);
    vi.stubEnv('AWS_RETRY_MODE', undefined);
    vi.stubEnv('AWS_PROFILE', undefined);
    sharedConfig('');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('nothing set: adaptive with 8 attempts', async () => {
    expect(await resolveRetrySettings()).toEqual({ maxAttempts: 8, retryMode: 'adaptive', from: { maxAttempts: 'proofline-default', retryMode: 'proofline-default' } });
  });

  it('AWS_MAX_ATTEMPTS and AWS_RETRY_MODE are honoured', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '3');
    vi.stubEnv('AWS_RETRY_MODE', 'standard');
    expect(await resolveRetrySettings()).toEqual({ maxAttempts: 3, retryMode: 'standard', from: { maxAttempts: 'aws-sdk-settings', retryMode: 'aws-sdk-settings' } });
  });

  it('each field on its own: AWS_MAX_ATTEMPTS alone keeps adaptive', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '12');
    const r = await resolveRetrySettings();
    expect([r.maxAttempts, r.retryMode]).toEqual([12, 'adaptive']);
  });

  it("the profile's max_attempts / retry_mode apply (named profile and AWS_PROFILE)", async () => {
    sharedConfig('[default]\nmax_attempts = 4\n\n[profile audit]\nmax_attempts = 5\nretry_mode = standard\n');
    expect((await resolveRetrySettings()).maxAttempts).toBe(4);
    expect(await resolveRetrySettings({}, 'audit')).toMatchObject({ maxAttempts: 5, retryMode: 'standard', from: { maxAttempts: 'aws-sdk-settings' } });
    vi.stubEnv('AWS_PROFILE', 'audit');
    expect((await resolveRetrySettings()).maxAttempts).toBe(5);
  });

  it('the environment wins over the profile, as in the SDK', async () => {
    sharedConfig('[default]\nmax_attempts = 4\n');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '6');
    expect((await resolveRetrySettings()).maxAttempts).toBe(6);
  });

  it('the config / flag overrides the environment and the profile', async () => {
    sharedConfig('[default]\nretry_mode = standard\n');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '6');
    expect(await resolveRetrySettings({ maxAttempts: 2, retryMode: 'adaptive' })).toEqual({ maxAttempts: 2, retryMode: 'adaptive', from: { maxAttempts: 'proofline-config', retryMode: 'proofline-config' } });
  });

  it('a retry mode the SDK does not have is an input error', async () => {
    vi.stubEnv('AWS_RETRY_MODE', 'legacy');
    await expect(resolveRetrySettings()).rejects.toThrow(InputError);
    await expect(resolveRetrySettings()).rejects.toThrow(/AWS_RETRY_MODE.*standard, adaptive/);
  });

  it('a non-numeric AWS_MAX_ATTEMPTS is passed over as the SDK passes it over (the profile, then the default)', async () => {
    sharedConfig('[default]\nmax_attempts = 4\n');
    vi.stubEnv('AWS_MAX_ATTEMPTS', 'many');
    expect((await resolveRetrySettings()).maxAttempts).toBe(4);
  });

  it('clients are built with the resolved values', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '3');
    vi.stubEnv('AWS_RETRY_MODE', 'standard');
    const r = await resolveRetrySettings();
    const config = liveClientConfig({ ...DEFAULT_LIVE_CLIENT_SETTINGS, maxAttempts: r.maxAttempts, retryMode: r.retryMode })('sts', 'eu-west-1');
    expect(config).toMatchObject({ maxAttempts: 3, retryMode: 'standard' });
    const client = new STSClient({ ...config, region: 'eu-west-1' });
    expect(await client.config.maxAttempts()).toBe(3);
    expect((await client.config.retryStrategy()).constructor.name).toBe('StandardRetryStrategy');
    client.destroy();
  });
});
