// First seen from the run history: the start of the unbroken series of runs in which a finding was
// failing or unknown, taken from the previous run's findings[].firstSeen when it has one, otherwise by
// walking back through older results (recorded before the field existed) until each series ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindingStatus } from '../../src/evaluate/finding.ts';
import { markFirstSeen } from '../../src/history/first-seen.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { previousRun } from '../../src/history/previous-run.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { fakeResults } from './fake-results.ts';

let store: HistoryStore;
beforeEach(async () => {
  store = await HistoryStore.open(':memory:', TEST_HISTORY_KEY);
});
afterEach(() => store.close());

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T02:00:00.000Z`;
const id = (resource: string) => `c1:111122223333:eu-west-1:${resource}`;

function results(n: number, statuses: Record<string, FindingStatus>): RunResults {
  return fakeResults(`run-${n}`, day(n), Object.entries(statuses).map(([resource, status]) => ({ control: 'c1', resource, status })));
}

async function record(r: RunResults): Promise<void> {
  await store.recordRun({ id: r.run.id, startedAt: r.run.startedAt, finishedAt: r.run.finishedAt, status: 'succeeded', results: r });
}

/** The run as a scheduled run sees it: first seen marked from the history, then recorded. */
async function scheduled(r: RunResults): Promise<RunResults> {
  await markFirstSeen(r, store, await previousRun(store));
  await record(r);
  return r;
}

const seen = (r: RunResults) => Object.fromEntries(r.findings.filter((f) => f.firstSeen).map((f) => [f.id.split(':').at(-1), f.firstSeen]));

describe('first seen', () => {
  it('is this run when the history has nothing earlier, and only open findings carry it', async () => {
    const r = await scheduled(results(1, { a: 'fail', b: 'unknown', c: 'pass', d: 'not_applicable' }));
    expect(seen(r)).toEqual({ a: day(1), b: day(1) });
  });

  it('follows the unbroken series: a finding that passed in between starts again', async () => {
    await scheduled(results(1, { a: 'fail', b: 'fail' }));
    await scheduled(results(2, { a: 'unknown', b: 'pass' }));
    const r = await scheduled(results(3, { a: 'fail', b: 'fail', c: 'fail' }));
    expect(seen(r)).toEqual({ a: day(1), b: day(3), c: day(3) });
  });

  it('walks back through results recorded without firstSeen, stopping at a run without the finding', async () => {
    // Older results, as recorded before the field existed.
    await record(results(1, { a: 'fail', b: 'fail' }));
    await record(results(2, { a: 'fail' }));
    await record(results(3, { a: 'fail', b: 'fail' }));
    const r = await scheduled(results(4, { a: 'fail', b: 'fail' }));
    expect(seen(r)).toEqual({ a: day(1), b: day(3) });
    expect(r.findings.find((f) => f.id === id('a'))!.firstSeen).toBe(day(1));
  });

  it("takes the previous run's firstSeen without reading older results", async () => {
    // An older run that would say otherwise is never read: the previous run's value is authoritative.
    await record(results(1, { a: 'pass' }));
    const previous = results(2, { a: 'fail' });
    previous.findings[0].firstSeen = '2026-10-01T02:00:00.000Z';
    await record(previous);
    const r = await scheduled(results(3, { a: 'fail' }));
    expect(seen(r)).toEqual({ a: '2026-10-01T02:00:00.000Z' });
  });
});
