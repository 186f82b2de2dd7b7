// `proofline run` (live) and the history's learned rates: used and kept when a history exists, and a
// one-off run without a history creates none.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paceKey } from '../../src/collect/operation-pacing.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { historyRates } from '../../src/history/history-rates.ts';
import { loadHistoryKey } from '../../src/history/history-key.ts';
import { HistoryStore } from '../../src/history/history-store.ts';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-rates-'));
});
afterEach(() => rm(tmp, { recursive: true, force: true }));

const target = { account: '111122223333', region: 'eu-west-1' };

describe('learned rates for `proofline run`', () => {
  it('without a history: no starting rates, and nothing is created', async () => {
    const dataDir = join(tmp, 'data');
    const rates = await historyRates(parseConfig({ dataDir }, 'test.yaml'), { PROOFLINE_HOME: join(tmp, 'home') });
    expect(rates.paces.size).toBe(0);
    await rates.keep(new Date());
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('with a history: starts from its rates and keeps what the run ended with', async () => {
    const env = { PROOFLINE_HOME: join(tmp, 'home') };
    const dataDir = join(tmp, 'data');
    const store = await HistoryStore.open(dataDir, loadHistoryKey(env.PROOFLINE_HOME));
    await store.saveLearnedRates([{ ...target, operation: 'kms.DescribeKey', rate: 20, learnedAt: '2026-11-29T02:00:00.000Z' }]);
    await store.close();
    const rates = await historyRates(parseConfig({ dataDir }, 'test.yaml'), env);
    const pace = rates.paces.get(paceKey(target, 'kms', 'DescribeKey'))!;
    expect(pace.rate).toBe(20);
    // AWS throttles twice, 2 s apart, answering 15 calls in between: 7.5 calls/s, weighed with the
    // kept 20 calls/s as 2 s of measuring: (40 + 15) calls / 4 s.
    pace.throttled(10_000);
    for (let i = 0; i < 15; i++) pace.answered(10_100 + i * 100, 10_060 + i * 100);
    pace.throttled(12_000);
    expect(pace.learned).toBe(13.75);
    await rates.keep(new Date('2026-11-30T02:00:00.000Z'));
    const reopened = await HistoryStore.open(dataDir, loadHistoryKey(env.PROOFLINE_HOME));
    try {
      expect(await reopened.learnedRates()).toEqual([{ ...target, operation: 'kms.DescribeKey', rate: 13.75, learnedAt: '2026-11-30T02:00:00.000Z' }]);
    } finally {
      await reopened.close();
    }
  });
});
