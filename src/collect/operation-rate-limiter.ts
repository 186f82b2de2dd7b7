// The SDK's adaptive retry keeps one client-side rate per client (every operation of a service in a
// region) and, on each throttle, cuts it to 0.7 x that rate; then every call of the client, first
// attempts included, waits for that limiter. AWS throttles per operation: a burst of throttles of one
// operation (each retried call reports one) would bring the limiter down to its minimum of 0.5 calls/s
// and stall the other operations of the service for seconds (seen in the 10k bench: every S3 bucket
// setting stopped for 2 s, then crept back over 10 s). Proofline paces each operation itself
// (operation-pacing.ts), so with retry mode "adaptive" the SDK's strategy keeps its retry rules (attempts,
// back-off, retry quota) and hands the rate limiting to the per-operation paces.
import { AdaptiveRetryStrategy, type DefaultRateLimiter } from '@smithy/core/retry';

type RateLimiter = Pick<DefaultRateLimiter, 'getSendToken' | 'updateClientSendingRate'>;

/** Client-wide limiting left to the per-operation paces (which see every attempt and every throttle). */
const PACED_PER_OPERATION: RateLimiter = {
  getSendToken: async () => undefined,
  updateClientSendingRate: () => undefined,
};

/**
 * Client config with retry mode "adaptive" and a number of attempts gets the SDK's adaptive strategy
 * with the per-operation limiting above; any other config (standard mode, a strategy of its own, or
 * attempts left to the SDK's resolution) is returned as given.
 */
export function withPerOperationRateLimit(config: Record<string, unknown>): Record<string, unknown> {
  if (config.retryMode !== 'adaptive' || config.retryStrategy !== undefined || typeof config.maxAttempts !== 'number') return config;
  return { ...config, retryStrategy: new AdaptiveRetryStrategy(config.maxAttempts, { rateLimiter: PACED_PER_OPERATION }) };
}
