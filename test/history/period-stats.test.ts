import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPeriodReport, writePeriodReport } from '../../src/history/build-period-report.ts';
import { periodStats } from '../../src/history/period-stats.ts';
import { resolvePeriod } from '../../src/history/period-window.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import type { FindingStatus } from '../../src/evaluate/finding.ts';
import { fakeResults } from './fake-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';

// Five nightly runs. c1 (encryption) fails on day 2 and 3, fixed on day 4; c2 is unknown on day 3
// (evidence missing) and otherwise passes; c3 fails from day 5 on.
const plan: Record<string, FindingStatus>[] = [
  { c1: 'pass', c2: 'pass', c3: 'pass' },
  { c1: 'fail', c2: 'pass', c3: 'pass' },
  { c1: 'fail', c2: 'unknown', c3: 'pass' },
  { c1: 'pass', c2: 'pass', c3: 'pass' },
  { c1: 'pass', c2: 'pass', c3: 'fail' },
];
const runs = plan.map((p, i) => fakeResults(`run-${i + 1}`, `2026-11-0${i + 1}T02:00:00.000Z`, Object.entries(p).map(([control, status]) => ({ control, resource: 'r1', status }))));

describe('period statistics', () => {
  it('share of runs met, state changes and time to remediate per control', () => {
    const s = periodStats({ from: '2026-11-01', to: '2026-11-30' }, runs, 1);
    expect(s.runs).toMatchObject({ succeeded: 5, failed: 1, first: '2026-11-01T02:00:00.000Z', last: '2026-11-05T02:00:00.000Z' });
    const c = Object.fromEntries(s.controls.map((x) => [x.id, x]));
    expect(c.c1).toMatchObject({ judgedRuns: 5, metRuns: 3, shareMet: 0.6, firstStatus: 'pass', lastStatus: 'pass' });
    expect(c.c1.changes).toEqual([
      { at: '2026-11-02T02:00:00.000Z', runId: 'run-2', from: 'pass', to: 'fail' },
      { at: '2026-11-04T02:00:00.000Z', runId: 'run-4', from: 'fail', to: 'pass' },
    ]);
    expect(c.c1.failures).toEqual([{ failedAt: '2026-11-02T02:00:00.000Z', remediatedAt: '2026-11-04T02:00:00.000Z', hoursToRemediate: 48 }]);
    expect(c.c2).toMatchObject({ metRuns: 4, shareMet: 0.8, failures: [] }); // unknown is never met
    expect(c.c3.failures).toEqual([{ failedAt: '2026-11-05T02:00:00.000Z' }]); // still open
  });

  it('requirement statistics and the per-framework trend', () => {
    const s = periodStats({ from: '2026-11-01', to: '2026-11-30' }, runs);
    const req = s.requirements.soc2![0];
    expect(req).toMatchObject({ id: 'CC6.1', judgedRuns: 5, metRuns: 2, shareMet: 0.4 });
    expect(req.changes.map((x) => `${x.from}->${x.to}`)).toEqual(['met->not_met', 'not_met->met', 'met->not_met']);
    expect(req.failures[0]).toMatchObject({ hoursToRemediate: 48 });
    expect(s.trend.soc2!.map((t) => t.counts)).toEqual([{ met: 1 }, { not_met: 1 }, { not_met: 1 }, { met: 1 }, { not_met: 1 }]);
  });

  it('failed, not evaluated and met are told apart: an always-unknown control is not a clean row', () => {
    const s = periodStats({ from: '2026-11-01', to: '2026-11-30' }, runs);
    const c = Object.fromEntries(s.controls.map((x) => [x.id, x]));
    expect(c.c1).toMatchObject({ evaluation: 'failed', failedRuns: 2, notEvaluatedRuns: 0 });
    expect(c.c2).toMatchObject({ evaluation: 'not_evaluated', failedRuns: 0, notEvaluatedRuns: 1, judgedRuns: 4 });
    const unknown = (['unknown', 'unknown'] as FindingStatus[]).map((status, i) => fakeResults(`k${i}`, `2026-11-1${i}T00:00:00.000Z`, [{ control: 'u', resource: 'r', status }, { control: 'p', resource: 'r', status: 'pass' }]));
    const u = periodStats({ from: '2026-11-01', to: '2026-11-30' }, unknown).controls;
    expect(u.find((x) => x.id === 'u')).toMatchObject({ evaluation: 'not_evaluated', judgedRuns: 0, notEvaluatedRuns: 2, metRuns: 0, shareMet: 0, failures: [] });
    expect(u.find((x) => x.id === 'p')).toMatchObject({ evaluation: 'met', shareMet: 1 });
  });

  it('an unknown run does not count as remediation', () => {
    const seq = (['fail', 'unknown', 'pass'] as FindingStatus[]).map((status, i) => fakeResults(`u${i}`, `2026-11-1${i}T00:00:00.000Z`, [{ control: 'c', resource: 'r', status }]));
    const s = periodStats({ from: '2026-11-01', to: '2026-11-30' }, seq);
    expect(s.controls[0].failures).toEqual([{ failedAt: '2026-11-10T00:00:00.000Z', remediatedAt: '2026-11-12T00:00:00.000Z', hoursToRemediate: 48 }]);
  });
});

describe('period report over the history store', () => {
  let dir: string;
  let store: HistoryStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-period-'));
    store = await HistoryStore.open(dir, TEST_HISTORY_KEY);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uses only the runs inside the window and writes period-report.json', async () => {
    for (const r of runs) await store.recordRun({ id: r.run.id, startedAt: r.run.startedAt, finishedAt: r.run.startedAt, status: 'succeeded', results: r, manifestSha256: `m-${r.run.id}` });
    await store.recordRun({ id: 'failed', startedAt: '2026-11-03T05:00:00.000Z', finishedAt: '2026-11-03T05:00:00.000Z', status: 'failed', error: 'x' });
    const period = resolvePeriod({ from: '2026-11-02', to: '2026-11-04' }, []);
    const report = await buildPeriodReport(store, period, new Date('2026-12-01T00:00:00Z'));
    expect(report.runs).toMatchObject({ succeeded: 3, failed: 1, ids: ['run-2', 'run-3', 'run-4'] });
    expect(report.historyVerification.ok).toBe(true);
    expect(report.interim).toBe(false); // rendered after the window's last day
    expect(report.coverage).toMatchObject({ expected: null, succeeded: 3, failed: 1, daysBeforeFirstRun: 0 }); // no schedule given
    expect(report.runRegister.map((e) => `${e.seq} ${e.status} ${e.manifestSha256 ?? '-'}`)).toEqual(['2 succeeded m-run-2', '3 succeeded m-run-3', '4 succeeded m-run-4', '6 failed -']);
    const out = await writePeriodReport(dir, report);
    expect(out).toMatch(/proofline-period-2026-11-02-2026-11-04-20261201T000000Z$/);
    expect(JSON.parse(await readFile(join(out, 'period-report.json'), 'utf8')).controls).toHaveLength(3);
    expect((await readdir(dir)).some((n) => n.includes('partial'))).toBe(false);
  });

  it('resolves named windows and rejects bad dates', () => {
    const windows = [{ name: 'FY27', from: '2026-07-01', to: '2027-06-30' }];
    expect(resolvePeriod({ window: 'FY27' }, windows)).toMatchObject({ name: 'FY27', fromInstant: '2026-07-01T00:00:00.000Z', toInstant: '2027-06-30T23:59:59.999Z' });
    expect(() => resolvePeriod({ window: 'FY28' }, windows)).toThrow(/no observation window named "FY28"/);
    expect(() => resolvePeriod({ from: '2026-13-01', to: '2026-12-01' }, [])).toThrow(/--from: "2026-13-01" is not a date/);
    expect(() => resolvePeriod({ from: '2026-12-02', to: '2026-12-01' }, [])).toThrow(/after/);
  });
});
