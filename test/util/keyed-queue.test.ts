// runKeyed: jobs in the order given, bounded in total and per key, without a full key holding back
// the keys behind it; a freed slot goes to the earliest job that may start, so keys finish in order.
import { describe, expect, it } from 'vitest';
import { runKeyed, type KeyedJob } from '../../src/util/keyed-queue.ts';

/** Jobs that end when released by the test; records starts, ends and the most running at once. */
function harness(keys: string[]) {
  const log: string[] = [];
  const ends = new Map<string, () => void>();
  let running = 0;
  let most = 0;
  const perKey = new Map<string, number>();
  let mostPerKey = 0;
  const jobs: KeyedJob[] = keys.map((key, i) => ({
    key,
    run: () =>
      new Promise<void>((resolve) => {
        const name = `${key}${i}`;
        log.push(`start ${name}`);
        running++;
        most = Math.max(most, running);
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        mostPerKey = Math.max(mostPerKey, perKey.get(key)!);
        ends.set(name, () => {
          log.push(`end ${name}`);
          running--;
          perKey.set(key, perKey.get(key)! - 1);
          resolve();
        });
      }),
  }));
  const end = async (name: string) => {
    ends.get(name)!();
    // Let the queue start what the freed slot allows.
    await new Promise((r) => setImmediate(r));
  };
  return { jobs, log, end, most: () => most, mostPerKey: () => mostPerKey };
}

describe('runKeyed', () => {
  it('starts jobs in order within both bounds, and a full key does not hold back the next key', async () => {
    const h = harness(['a', 'a', 'a', 'b', 'b']);
    const done = runKeyed(h.jobs, { total: 3, perKey: 2 });
    expect(h.log).toEqual(['start a0', 'start a1', 'start b3']);
    await h.end('a0');
    // The freed slot goes to the earliest job that may start: a's next, before b's.
    expect(h.log.slice(3)).toEqual(['end a0', 'start a2']);
    await h.end('b3');
    expect(h.log.slice(5)).toEqual(['end b3', 'start b4']);
    for (const n of ['a1', 'a2', 'b4']) await h.end(n);
    await done;
    expect(h.most()).toBe(3);
    expect(h.mostPerKey()).toBe(2);
  });

  it('finishes key by key when the total bound binds', async () => {
    const h = harness(['a', 'a', 'b', 'b', 'c']);
    const done = runKeyed(h.jobs, { total: 2, perKey: 2 });
    expect(h.log).toEqual(['start a0', 'start a1']);
    await h.end('a0');
    await h.end('a1');
    expect(h.log.slice(2)).toEqual(['end a0', 'start b2', 'end a1', 'start b3']);
    await h.end('b2');
    await h.end('b3');
    await h.end('c4');
    await done;
  });

  it('reports each key as soon as its last job ends, while other keys still run', async () => {
    const h = harness(['a', 'a', 'b', 'b']);
    const ended: string[] = [];
    const done = runKeyed(h.jobs, { total: 2, perKey: 2 }, (key) => ended.push(key));
    expect(h.log).toEqual(['start a0', 'start a1']);
    await h.end('a0');
    expect(h.log.slice(-1)).toEqual(['start b2']);
    expect(ended).toEqual([]);
    await h.end('a1');
    // a is done while b2 and b3 hold both slots.
    expect(h.log.slice(-1)).toEqual(['start b3']);
    expect(ended).toEqual(['a']);
    await h.end('b3');
    expect(ended).toEqual(['a']);
    await h.end('b2');
    await done;
    expect(ended).toEqual(['a', 'b']);
  });

  it('runs every job when one fails, then rejects with the first failure', async () => {
    const ran: number[] = [];
    const jobs: KeyedJob[] = [0, 1, 2, 3].map((i) => ({
      key: i < 2 ? 'a' : 'b',
      run: async () => {
        ran.push(i);
        if (i === 1) throw new Error('job 1 failed');
        if (i === 3) throw new Error('job 3 failed');
      },
    }));
    await expect(runKeyed(jobs, { total: 1, perKey: 1 })).rejects.toThrow('job 1 failed');
    expect(ran).toEqual([0, 1, 2, 3]);
  });

  it('refuses a bound below 1, which would never settle', () => {
    expect(() => runKeyed([], { total: 0, perKey: 1 })).toThrow('runKeyed: total must be a whole number from 1 up, not 0');
    expect(() => runKeyed([], { total: 2, perKey: Number.NaN })).toThrow('runKeyed: perKey must be a whole number from 1 up, not NaN');
  });

  it('resolves at once with no jobs', async () => {
    await expect(runKeyed([], { total: 4, perKey: 1 })).resolves.toBeUndefined();
  });
});
