// The SDK's adaptive retry keeps one client-side rate per client (every operation of a service in a
// region) and, on each throttle, cuts it to 0.7 x that rate; then every call of the client, first
// attempts included, waits for that limiter. Its retry quota is per client too (500 tokens, 5 per
// throttled retry). AWS throttles per operation: a burst of throttles of one operation (each retried
// call reports one) brought the limiter down to its minimum of 0.5 calls/s and stalled the other
// operations of the service for seconds (the 10k bench: every S3 bucket setting stopped for 2 s, then
// crept back over 10 s), and nine S3 operations learning their rates at once emptied the quota, so
// calls failed with throttling errors that one more paced attempt would have answered.
// Proofline paces each operation itself (operation-pacing.ts: every attempt waits for its operation's
// pace, which falls when AWS throttles it). So with retry mode "adaptive" a client gets the SDK's
// standard strategy (attempts, back-off, quota) with two differences: no client-wide rate limiter (the
// paces are the client-side rate limiting, per operation), and retries of throttled attempts do not draw
// on the quota (they are paced, and bounded by the attempts); other errors (timeouts, 5xx) draw on it
// as in the SDK, which is what the quota is for.
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';

class PacedPerOperation implements RetryStrategyV2 {
  readonly mode = 'adaptive';
  private readonly standard: StandardRetryStrategy;

  constructor(private readonly maxAttempts: number) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    // A strategy of its own for each throttled retry: the SDK's attempts and back-off, a quota of its own.
    const strategy = errorInfo.errorType === 'THROTTLING' ? new StandardRetryStrategy(this.maxAttempts) : this.standard;
    return strategy.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token as StandardRetryToken);
  }
}

/**
 * Client config with retry mode "adaptive" and a number of attempts gets the per-operation strategy
 * above; any other config (standard mode, a strategy of its own, or attempts left to the SDK's
 * resolution) is returned as given.
 */
export function withPerOperationRateLimit(config: Record<string, unknown>): Record<string, unknown> {
  if (config.retryMode !== 'adaptive' || config.retryStrategy !== undefined || typeof config.maxAttempts !== 'number') return config;
  return { ...config, retryStrategy: new PacedPerOperation(config.maxAttempts) };
}
