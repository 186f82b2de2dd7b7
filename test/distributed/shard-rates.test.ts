// Learned call rates across the queue: a worker paces its shard from the rates the run hands over
// (the run's history) and returns what its paces ended with; the run keeps them for the next run.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Call } from '../../src/collect/evidence-middleware.ts';
import { keepRates, learnedRates, ratesOf, type LearnedRate } from '../../src/collect/learned-rates.ts';
import { OperationPace, paceKey } from '../../src/collect/operation-pacing.ts';
import { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { simulatedSource } from '../../src/collect/source.ts';
import { collectShard } from '../../src/run/distributed/collect-shard.ts';
import { shardJobSchema } from '../../src/run/distributed/shard-queue.ts';
import { TOOL_VERSION } from '../../src/util/version.ts';

const account = '111122223333';
const shard = { account, region: 'eu-west-1' };
const at = new Date('2026-11-30T02:00:00.000Z');
const KEYS = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'];

/** A KMS with eight AWS-managed keys; remembers when each DescribeKey reached it. */
function kms() {
  const describedAt: number[] = [];
  const sim = new SimulatedAws({
    beforeAnswer: async (call: Call) => {
      if (call.operation === 'DescribeKey') describedAt.push(Date.now());
    },
  })
    .on('kms.ListKeys', () => ({ Keys: KEYS.map((KeyId) => ({ KeyId })) }))
    .on('kms.DescribeKey', (input: { KeyId: string }) => ({ KeyMetadata: { KeyId: input.KeyId, KeyManager: 'AWS' } }));
  return { sim, describedAt };
}

function job(rates?: LearnedRate[]) {
  return shardJobSchema.parse({ runId: randomUUID(), shard, source: { kind: 'simulated', location: 'kms' }, keys: ['kms.DescribeKey'], settings: {}, ...(rates ? { rates } : {}), store: '/tmp/unused', toolVersion: TOOL_VERSION });
}

const spanMs = (times: number[]) => Math.max(...times) - Math.min(...times);

describe('learned rates through the queue', () => {
  it('a worker paces its shard from the rates in the job and returns what it learned', async () => {
    const collectors = await loadCollectors();
    const given: LearnedRate[] = [{ account, region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 4, learnedAt: at.toISOString() }];
    const paced = kms();
    const out = await collectShard(job(given), collectors, simulatedSource(paced.sim.responder(), { accounts: [account], regions: ['eu-west-1'] }), () => at);
    expect(out.records.filter((r) => r.key === 'kms.DescribeKey' && r.outcome === 'ok')).toHaveLength(8);
    // 4 calls/s: one second's worth at once, then 250 ms apart: the last three at 250, 500, 750 ms.
    expect(spanMs(paced.describedAt)).toBeGreaterThanOrEqual(700);
    expect(out.rates).toEqual(given);

    const unpaced = kms();
    const cold = await collectShard(job(), collectors, simulatedSource(unpaced.sim.responder(), { accounts: [account], regions: ['eu-west-1'] }), () => at);
    expect(spanMs(unpaced.describedAt)).toBeLessThan(200);
    expect(cold.rates).toEqual([]);
  });

  it('the run hands each shard its own account and region\'s rates and keeps what workers return', () => {
    const paces = new Map<string, OperationPace>([
      [paceKey(shard, 'kms', 'DescribeKey'), new OperationPace(24)],
      [paceKey({ account, region: 'us-east-1' }, 'kms', 'DescribeKey'), new OperationPace(30)],
      [paceKey({ account: '444455556666', region: 'eu-west-1' }, 'kms', 'DescribeKey'), new OperationPace(10)],
    ]);
    expect(ratesOf(paces, shard, at)).toEqual([{ account, region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 24, learnedAt: at.toISOString() }]);
    keepRates(paces, [{ account, region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 25, learnedAt: at.toISOString() }, { account, region: 'eu-west-1', operation: 'kms.GetKeyPolicy', rate: 12.5, learnedAt: at.toISOString() }]);
    expect(learnedRates(paces, at).map((r) => `${r.region} ${r.operation} ${r.rate}`)).toEqual([
      'eu-west-1 kms.DescribeKey 25',
      'eu-west-1 kms.GetKeyPolicy 12.5',
      'us-east-1 kms.DescribeKey 30',
      'eu-west-1 kms.DescribeKey 10',
    ]);
  });
});
