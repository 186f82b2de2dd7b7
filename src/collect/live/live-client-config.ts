// Client settings for calls that reach AWS: the SDK's retry as resolved in retry-settings.ts (by default
// adaptive: client-side rate limiting that backs off on throttling, per operation: operation-rate-limiter.ts),
// bounded time per request, and path-style S3 when an endpoint is
// overridden. Endpoints themselves come from the SDK's standard configuration: it reads
// AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and the shared config's endpoint_url on its own.
import type { ServiceId } from '../services.ts';
import { DEFAULT_RETRY, type RetryMode } from './retry-settings.ts';

export interface LiveClientSettings {
  /** Attempts per call, including the first; throttling and transient failures are retried. */
  maxAttempts: number;
  /** The SDK's retry mode; resolved by resolveRetrySettings (config, then AWS_* / profile, then adaptive). */
  retryMode: RetryMode;
  /** Milliseconds a request may take before it fails as a timeout (recorded as an error). */
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  /** Milliseconds one call may take in total, every attempt and back-off included (config callDeadlineSeconds). */
  callDeadlineMs: number;
}

// 8 attempts x 30 s could hold one call for 741 s with back-off; the deadline bounds the whole call.
export const DEFAULT_LIVE_CLIENT_SETTINGS: LiveClientSettings = { ...DEFAULT_RETRY, requestTimeoutMs: 30_000, connectionTimeoutMs: 5_000, callDeadlineMs: 120_000 };

/** True when the SDK will send S3 calls to a non-AWS endpoint (AWS-compatible stores need path-style). */
export function s3EndpointOverridden(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return false;
  return Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
}

export function liveClientConfig(settings: LiveClientSettings = DEFAULT_LIVE_CLIENT_SETTINGS, env: NodeJS.ProcessEnv = process.env) {
  return (service: ServiceId | string, _region: string): Record<string, unknown> => {
    const config: Record<string, unknown> = {
      retryMode: settings.retryMode,
      maxAttempts: settings.maxAttempts,
      // throwOnRequestTimeout: without it the SDK only logs a warning when the request timeout passes.
      requestHandler: { requestTimeout: settings.requestTimeoutMs, throwOnRequestTimeout: true, socketTimeout: settings.requestTimeoutMs, connectionTimeout: settings.connectionTimeoutMs },
    };
    if (service === 's3' && s3EndpointOverridden(env)) config.forcePathStyle = true;
    // Bucket settings are read through one global-target S3 client: follow the redirect to each bucket's region.
    if (service === 's3') config.followRegionRedirects = true;
    return config;
  };
}
