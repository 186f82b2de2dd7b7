// Coverage of an observation window: the runs its cron schedule called for against the runs the
// history holds, week by week over the whole window (not just the span of the runs). A scheduled time
// is covered by a succeeded run that started at or after it and before the next scheduled time; one
// that is due (not after the time of rendering) and uncovered is a missed run: a gap.
import type { ScheduleConfig } from '../config/operations-config.ts';
import type { Period } from './period-window.ts';
import { ScheduleTooDenseError, scheduledTimes } from './scheduled-times.ts';

const DAY_MS = 86_400_000;

/** covered: every due run happened; gap: some were missed; not_due: the week lies after the time of rendering; unscheduled: no schedule to compare with. */
export type WeekState = 'covered' | 'gap' | 'not_due' | 'unscheduled';

export interface CoverageWeek {
  /** First and last day (UTC, inclusive); the last week may be shorter than seven days. */
  from: string;
  to: string;
  /** Scheduled runs due in the week by the time of rendering; null without a schedule. */
  expected: number | null;
  /** Scheduled runs of the week not yet due at the time of rendering. */
  notYetDue: number;
  succeeded: number;
  failed: number;
  /** Due scheduled runs no succeeded run covered; null without a schedule. */
  missed: number | null;
  /** Scheduled times that were missed (ISO), for the register of gaps. */
  missedAt: string[];
  state: WeekState;
}

export interface PeriodCoverage {
  schedule?: { cron: string; timezone: string };
  /** Why expected runs are not given, when they are not. */
  scheduleNote?: string;
  expected: number | null;
  missed: number | null;
  succeeded: number;
  failed: number;
  /** Whole days from the window's start to the first run's day (0: a run on the first day); null without runs. */
  daysBeforeFirstRun: number | null;
  weeks: CoverageWeek[];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function periodCoverage(period: Period, schedule: Pick<ScheduleConfig, 'cron' | 'timezone'> | undefined, runs: readonly { startedAt: string; status: string }[], now: Date): PeriodCoverage {
  const start = Date.parse(period.fromInstant);
  const end = Date.parse(period.toInstant);
  const due = Math.min(end, now.getTime());
  let times: number[] | undefined;
  let scheduleNote: string | undefined;
  if (!schedule) scheduleNote = 'The config has no schedule: expected runs cannot be computed.';
  else {
    try {
      times = scheduledTimes(schedule, new Date(start), new Date(end)).map((d) => d.getTime());
    } catch (err) {
      if (!(err instanceof ScheduleTooDenseError)) throw err;
      scheduleNote = `${err.message}.`;
    }
  }
  const succeeded = runs.filter((r) => r.status === 'succeeded').map((r) => Date.parse(r.startedAt)).sort((a, b) => a - b);
  const failed = runs.filter((r) => r.status !== 'succeeded').map((r) => Date.parse(r.startedAt));
  // A scheduled time is covered by a succeeded run in [time, next time); both lists are sorted, so one
  // pointer walks the runs once.
  const missedTimes = new Set<number>();
  let run = 0;
  times?.forEach((t, i) => {
    if (t > due) return;
    const next = times![i + 1] ?? end + 1;
    while (run < succeeded.length && succeeded[run] < t) run++;
    if (!(run < succeeded.length && succeeded[run] < next)) missedTimes.add(t);
  });
  const weeks: CoverageWeek[] = [];
  for (let from = start; from <= end; from += 7 * DAY_MS) {
    const to = Math.min(from + 7 * DAY_MS - 1, end);
    const inWeek = (t: number) => t >= from && t <= to;
    const scheduled = times?.filter(inWeek) ?? [];
    const expected = times ? scheduled.filter((t) => t <= due).length : null;
    const missedAt = scheduled.filter((t) => missedTimes.has(t));
    const week: Omit<CoverageWeek, 'state'> = {
      from: day(from),
      to: day(to),
      expected,
      notYetDue: scheduled.length - (expected ?? 0),
      succeeded: succeeded.filter(inWeek).length,
      failed: failed.filter(inWeek).length,
      missed: times ? missedAt.length : null,
      missedAt: missedAt.map((t) => new Date(t).toISOString()),
    };
    const state: WeekState = !times ? 'unscheduled' : missedAt.length ? 'gap' : from > due ? 'not_due' : 'covered';
    weeks.push({ ...week, state });
  }
  return {
    ...(schedule ? { schedule: { cron: schedule.cron, timezone: schedule.timezone } } : {}),
    ...(scheduleNote ? { scheduleNote } : {}),
    expected: times ? times.filter((t) => t <= due).length : null,
    missed: times ? missedTimes.size : null,
    succeeded: succeeded.length,
    failed: failed.length,
    daysBeforeFirstRun: succeeded.length ? Math.floor((succeeded[0] - start) / DAY_MS) : null,
    weeks,
  };
}
