// With retry mode "adaptive" the SDK's retry strategy keeps its rules (attempts, back-off) but not its
// client-wide rate limiter: throttles of one operation must not hold back the first attempts of every
// other operation of the client (Proofline paces each operation itself, operation-pacing.ts).
import { KMSClient } from '@aws-sdk/client-kms';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/collect/client-factory.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { SimulatedAws } from '../../src/collect/simulated-aws.ts';

const target = { account: '111122223333', region: 'eu-west-1' };
const redactionKey = new Uint8Array(32);

interface Strategy {
  mode?: string;
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, info: { errorType: string }): Promise<unknown>;
}

async function strategyOf(client: { config: { retryStrategy: () => Promise<unknown> } }): Promise<Strategy> {
  return (await client.config.retryStrategy()) as Strategy;
}

function factoryWith(config: Record<string, unknown>): ClientFactory {
  return new ClientFactory({ sink: new MemoryEvidence(), responder: new SimulatedAws().responder(), redactionKey, clientConfig: () => config });
}

/**
 * Ten calls throttled at once, then: does a new call get its first attempt within `ms`? In fake time:
 * the waits left pending (the SDK limiter's, the back-offs) are dropped with the fake clock afterwards.
 */
async function firstAttemptAfterThrottles(strategy: Strategy, ms: number): Promise<boolean> {
  vi.useFakeTimers();
  const tokens = await Promise.all(Array.from({ length: 10 }, () => strategy.acquireInitialRetryToken('kms')));
  for (const token of tokens) strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' }).catch(() => undefined);
  let started = false;
  void strategy.acquireInitialRetryToken('kms').then(() => (started = true));
  await vi.advanceTimersByTimeAsync(ms);
  vi.useRealTimers();
  return started;
}

afterEach(() => vi.useRealTimers());

/** 150 calls of the client, each failing once with `errorType`: how many get a retry? */
async function retriesGranted(strategy: Strategy, errorType: string): Promise<number> {
  vi.useFakeTimers();
  const tokens = await Promise.all(Array.from({ length: 150 }, () => strategy.acquireInitialRetryToken('')));
  const refreshed = Promise.allSettled(tokens.map((token) => strategy.refreshRetryTokenForRetry(token, { errorType })));
  // A first retry backs off at most 1 s (throttling) or 50 ms; bounded, so timers other tests left running do not loop here.
  await vi.advanceTimersByTimeAsync(5_000);
  return (await refreshed).filter((r) => r.status === 'fulfilled').length;
}

describe('adaptive retry with per-operation pacing', () => {
  it('throttles do not delay other calls of the client (the SDK default would wait at 0.5 calls/s)', async () => {
    const factory = factoryWith({ retryMode: 'adaptive', maxAttempts: 8 });
    const paced = await strategyOf(await factory.client('kms', target));
    expect(paced.mode).toBe('adaptive');
    expect(await firstAttemptAfterThrottles(paced, 150)).toBe(true);
    factory.destroy();
    const sdkDefault = new KMSClient({ region: target.region, retryMode: 'adaptive', maxAttempts: 8 });
    expect(await firstAttemptAfterThrottles(await strategyOf(sdkDefault), 150)).toBe(false);
    sdkDefault.destroy();
  });

  it('keeps the configured number of attempts', async () => {
    const factory = factoryWith({ retryMode: 'adaptive', maxAttempts: 3 });
    const strategy = await strategyOf(await factory.client('kms', target));
    let token = await strategy.acquireInitialRetryToken('kms');
    let retries = 0;
    try {
      for (;;) {
        token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' });
        retries++;
      }
    } catch {
      // no retries left
    }
    expect(retries).toBe(2);
    factory.destroy();
  });

  it('throttled retries do not draw on the client\'s retry quota; other errors do, as in the SDK', async () => {
    const factory = factoryWith({ retryMode: 'adaptive', maxAttempts: 8 });
    expect(await retriesGranted(await strategyOf(await factory.client('kms', target)), 'THROTTLING')).toBe(150);
    // 500 tokens at 14 a transient retry: 35 retries, then none.
    expect(await retriesGranted(await strategyOf(await factory.client('sts', target)), 'TRANSIENT')).toBe(35);
    factory.destroy();
  });

  it('leaves standard mode, and a strategy given in the config, to the SDK', async () => {
    const standard = factoryWith({ retryMode: 'standard', maxAttempts: 3 });
    expect((await strategyOf(await standard.client('kms', target))).constructor.name).toBe('StandardRetryStrategy');
    standard.destroy();
    const own = { mode: 'own', acquireInitialRetryToken: async () => ({}), refreshRetryTokenForRetry: async () => ({}), recordSuccess: () => undefined };
    const given = factoryWith({ retryMode: 'adaptive', maxAttempts: 3, retryStrategy: own });
    expect(await strategyOf(await given.client('kms', target))).toBe(own);
    given.destroy();
  });
});
