// Collection goes account by account, and each account x region's SDK clients are released when its
// last collector is done: at 25 accounts, holding about 4,700 clients (25 KB each) to the end of
// collection was over 100 MB of the run's peak.
import { describe, expect, it } from 'vitest';
import type { ClientFactory } from '../../src/collect/client-factory.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { runCollection } from '../../src/collect/run-collection.ts';
import type { Target } from '../../src/collect/target.ts';

function collector(name: string, scope: 'regional' | 'global', log: string[]): Collector {
  return {
    name,
    service: 'sagemaker',
    scope,
    produces: [],
    collect: async (ctx) => {
      await ctx.client('sagemaker');
      log.push(`run ${name} ${ctx.target.account}/${ctx.target.region}`);
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('collection releases clients as targets finish', () => {
  it("releases each target's clients once, after its last collector, account by account", async () => {
    const log: string[] = [];
    const factory = {
      client: async (_service: string, t: Target) => ({ target: t }),
      release: (t: Target) => void log.push(`release ${t.account}/${t.region}`),
    } as unknown as ClientFactory;
    const collectors = [collector('one', 'regional', log), collector('two', 'regional', log), collector('iam', 'global', log)];
    await runCollection({ factory, sink: new MemoryEvidence(), scope: { accounts: ['111111111111', '222222222222'], regions: ['eu-west-1', 'eu-central-1'] } as never, collectors, perAccountConcurrency: 2, totalConcurrency: 2 });
    const released = log.filter((l) => l.startsWith('release'));
    expect(released.sort()).toEqual(['release 111111111111/eu-central-1', 'release 111111111111/eu-west-1', 'release 111111111111/global', 'release 222222222222/eu-central-1', 'release 222222222222/eu-west-1', 'release 222222222222/global']);
    // Every release comes after the last collector of its target.
    for (const r of released) {
      const target = r.slice('release '.length);
      const lastRun = log.map((l, i) => [l, i] as const).filter(([l]) => l.endsWith(` ${target}`) && l.startsWith('run')).pop()![1];
      expect(log.indexOf(r)).toBeGreaterThan(lastRun);
    }
    // Account by account: every collector of the first account starts before any of the second's, and
    // the first account's clients are released before the second account's last collectors run.
    const runs = log.filter((l) => l.startsWith('run'));
    expect(runs.slice(0, 5).every((l) => l.includes('111111111111'))).toBe(true);
    const firstAccountReleased = Math.max(...released.filter((r) => r.includes('111111111111')).map((r) => log.indexOf(r)));
    expect(firstAccountReleased).toBeLessThan(log.lastIndexOf(runs[runs.length - 1]));
    expect(log.filter((l) => l.startsWith('run'))).toHaveLength(10);
  });
});
