// Expected runs from the config's cron schedule (node-cron) against the runs of the history, per week
// of the whole window.
import { describe, expect, it } from 'vitest';
import { periodCoverage } from '../../src/history/period-coverage.ts';
import { resolvePeriod } from '../../src/history/period-window.ts';
import { scheduledTimes, ScheduleTooDenseError } from '../../src/history/scheduled-times.ts';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('scheduled times from the cron schedule', () => {
  it('daily at 02:00 Dublin time: 01:00 UTC in summer time, 02:00 UTC after the clocks go back', () => {
    const t = scheduledTimes({ cron: '0 2 * * *', timezone: 'Europe/Dublin' }, new Date('2026-10-23T00:00:00Z'), new Date('2026-10-27T23:59:59Z'));
    expect(iso(t)).toEqual(['2026-10-23T01:00:00.000Z', '2026-10-24T01:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-26T02:00:00.000Z', '2026-10-27T02:00:00.000Z']);
  });

  it('weekdays only, and a time the spring-forward skips does not exist', () => {
    expect(iso(scheduledTimes({ cron: '0 6 * * 1-5', timezone: 'UTC' }, new Date('2026-11-06T00:00:00Z'), new Date('2026-11-10T23:59:59Z')))).toEqual(['2026-11-06T06:00:00.000Z', '2026-11-09T06:00:00.000Z', '2026-11-10T06:00:00.000Z']);
    // 01:30 on 2027-03-28 does not exist in Dublin (01:00 -> 02:00).
    expect(iso(scheduledTimes({ cron: '30 1 * * 0', timezone: 'Europe/Dublin' }, new Date('2027-03-20T00:00:00Z'), new Date('2027-04-05T00:00:00Z')))).toEqual(['2027-03-21T01:30:00.000Z', '2027-04-04T00:30:00.000Z']);
  });

  it('every five minutes over half a year is listed; every second is refused', () => {
    expect(scheduledTimes({ cron: '*/5 * * * *', timezone: 'UTC' }, new Date('2026-10-01T00:00:00Z'), new Date('2027-03-31T23:59:59.999Z'))).toHaveLength(182 * 288);
    expect(() => scheduledTimes({ cron: '* * * * * *', timezone: 'UTC' }, new Date('2026-10-01T00:00:00Z'), new Date('2027-03-31T23:59:59.999Z'))).toThrow(ScheduleTooDenseError);
  });
});

describe('coverage of the window', () => {
  const period = resolvePeriod({ from: '2026-11-01', to: '2026-11-21' }, []);
  const schedule = { cron: '0 2 * * *', timezone: 'UTC' };
  const ok = (day: string, time = '02:00:05') => ({ startedAt: `2026-11-${day}T${time}.000Z`, status: 'succeeded' });

  it('a missed night is a gap in its week; a late run still covers its night; a failed run covers nothing', () => {
    const runs = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ok(d));
    runs.splice(3, 1, { startedAt: '2026-11-04T02:00:05.000Z', status: 'failed' }); // night of the 4th failed
    runs.push(ok('09', '23:10:00')); // the 9th ran late in the day; the 8th and 10th.. never ran
    const c = periodCoverage(period, schedule, runs, new Date('2026-11-10T12:00:00Z'));
    expect(c.weeks.map((w) => [w.from, w.to, w.expected, w.succeeded, w.failed, w.missed, w.state])).toEqual([
      ['2026-11-01', '2026-11-07', 7, 6, 1, 1, 'gap'],
      ['2026-11-08', '2026-11-14', 3, 1, 0, 2, 'gap'],
      ['2026-11-15', '2026-11-21', 0, 0, 0, 0, 'not_due'],
    ]);
    expect(c.weeks[0].missedAt).toEqual(['2026-11-04T02:00:00.000Z']);
    expect(c.weeks[1].missedAt).toEqual(['2026-11-08T02:00:00.000Z', '2026-11-10T02:00:00.000Z']);
    expect(c.weeks[2].notYetDue).toBe(7);
    expect(c).toMatchObject({ expected: 10, missed: 3, succeeded: 7, failed: 1, daysBeforeFirstRun: 0 });
  });

  it('a window that opened weeks before the first run says how long', () => {
    const c = periodCoverage(period, schedule, [ok('20')], new Date('2026-12-01T00:00:00Z'));
    expect(c.daysBeforeFirstRun).toBe(19);
    expect(c.weeks.map((w) => w.state)).toEqual(['gap', 'gap', 'gap']);
    expect(c.missed).toBe(20);
  });

  it('without a schedule the runs are counted and nothing is called a gap', () => {
    const c = periodCoverage(period, undefined, [ok('02')], new Date('2026-12-01T00:00:00Z'));
    expect(c.scheduleNote).toMatch(/no schedule/);
    expect(c.weeks.map((w) => [w.expected, w.succeeded, w.state])).toEqual([[null, 1, 'unscheduled'], [null, 0, 'unscheduled'], [null, 0, 'unscheduled']]);
  });
});
