// The times a cron schedule fired (or should have) between two instants, read with node-cron, the
// scheduler's own library: its parser gives the seconds, minutes and hours of a day; each candidate
// wall-clock time of each local day is turned into an instant in the schedule's time zone and kept only
// when node-cron's matcher agrees (day of month, month, weekday, and DST gaps are its call). On a day
// without a clock change the day's first candidate decides for the whole day (one match per day).
import { createTask, parse } from 'node-cron';
import type { ScheduleConfig } from '../config/operations-config.ts';

const DAY_MS = 86_400_000;
/** Beyond this many candidate times in a window the schedule is not a run schedule worth listing. */
export const MAX_SCHEDULED_TIMES = 100_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `utcMs`. */
function zoneOffset(timeZone: string, utcMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a wall-clock time (given as if it were UTC) has in the zone. */
function zonedInstant(timeZone: string, wallMs: number): number {
  const guess = wallMs - zoneOffset(timeZone, wallMs);
  return wallMs - zoneOffset(timeZone, guess);
}

export class ScheduleTooDenseError extends Error {}

/** Every scheduled time in [from, to], ascending. Throws ScheduleTooDenseError past MAX_SCHEDULED_TIMES candidates. */
export function scheduledTimes(schedule: Pick<ScheduleConfig, 'cron' | 'timezone'>, from: Date, to: Date): Date[] {
  const fields = parse(schedule.cron);
  const perDay = fields.hour.length * fields.minute.length * fields.second.length;
  // Local days that can hold an instant of [from, to] in any zone: one day either side.
  const firstDay = Math.floor(from.getTime() / DAY_MS) * DAY_MS - DAY_MS;
  const lastDay = Math.floor(to.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  if (((lastDay - firstDay) / DAY_MS + 1) * perDay > MAX_SCHEDULED_TIMES) {
    throw new ScheduleTooDenseError(`the schedule "${schedule.cron}" fires up to ${perDay} times a day: too often to list its expected runs`);
  }
  const task = createTask(schedule.cron, () => undefined, { timezone: schedule.timezone });
  try {
    const times = new Set<number>();
    const inRange = (at: number) => at >= from.getTime() && at <= to.getTime();
    const wallTimes = fields.hour.flatMap((h) => fields.minute.flatMap((m) => fields.second.map((s) => ((h * 60 + m) * 60 + s) * 1000)));
    for (let day = firstDay; day <= lastDay; day += DAY_MS) {
      const offset = zoneOffset(schedule.timezone, day - DAY_MS / 2);
      if (offset === zoneOffset(schedule.timezone, day + DAY_MS * 1.5)) {
        // No clock change near this day: the time fields match by construction, the day decides.
        if (!task.match(new Date(day + wallTimes[0] - offset))) continue;
        for (const wall of wallTimes) if (inRange(day + wall - offset)) times.add(day + wall - offset);
        continue;
      }
      for (const wall of wallTimes) {
        const at = zonedInstant(schedule.timezone, day + wall);
        if (inRange(at) && task.match(new Date(at))) times.add(at);
      }
    }
    return [...times].sort((a, b) => a - b).map((t) => new Date(t));
  } finally {
    void task.destroy();
  }
}
