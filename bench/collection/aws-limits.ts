// AWS's limits, simulated: every call waits a network latency, and each account x region x operation
// has a token bucket (rate per second, burst) beyond which AWS answers ThrottlingException (HTTP 400).
// The answer goes back through the SDK's retry middleware, which backs off and retries as it would live.
import type { Call } from '../../src/collect/evidence-middleware.ts';
import { simError, type SimulatedError } from '../../src/collect/simulated-aws.ts';
import { CallLog } from './call-log.ts';

export interface RateLimit {
  /** Sustained calls per second. */
  rate: number;
  /** Calls allowed at once before throttling starts. */
  burst: number;
}

export interface LimitsConfig {
  latencyMs: number;
  /** Limit for an operation (`<service>.<Operation>`); the default applies to every other one. */
  defaultLimit: RateLimit;
  limits?: Record<string, RateLimit>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class AwsLimits {
  private readonly buckets = new Map<string, Bucket>();
  /** Throttled answers per `<service>.<Operation>`. */
  readonly throttles = new Map<string, number>();
  attempts = 0;
  readonly log = new CallLog();

  constructor(readonly config: LimitsConfig) {}

  limitFor(key: string): RateLimit {
    return this.config.limits?.[key] ?? this.config.defaultLimit;
  }

  /** The SimulatedAws `beforeAnswer` hook. */
  readonly beforeAnswer = async (call: Call): Promise<SimulatedError | void> => {
    this.attempts++;
    const key = `${call.service}.${call.operation}`;
    const admitted = this.take(`${call.account}|${call.region}|${key}`, this.limitFor(key));
    this.log.record(call, !admitted);
    await sleep(this.config.latencyMs);
    if (admitted) return;
    this.throttles.set(key, (this.throttles.get(key) ?? 0) + 1);
    return simError('ThrottlingException', 400, 'Rate exceeded');
  };

  get throttleCount(): number {
    let n = 0;
    for (const v of this.throttles.values()) n += v;
    return n;
  }

  private take(id: string, limit: RateLimit): boolean {
    const now = performance.now();
    let b = this.buckets.get(id);
    if (!b) this.buckets.set(id, (b = { tokens: limit.burst, at: now }));
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.rate);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
