import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { InvalidScheduleError, Scheduler, stopOnSignals } from '../../src/schedule/scheduler.ts';

const schedule = { cron: '0 2 * * *', timezone: 'Europe/Berlin', runOnStart: false };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('scheduler', () => {
  it('never overlaps: a tick during a slow run is skipped and logged', async () => {
    const gate = deferred();
    let calls = 0;
    const log = memoryLogger();
    const s = new Scheduler({ schedule, log, job: async () => { calls++; await gate.promise; return { runId: `r${calls}` }; } });
    const first = s.tick();
    expect(s.running).toBe(true);
    expect(await s.tick()).toBe('skipped_overlap');
    expect(calls).toBe(1);
    gate.resolve();
    expect(await first).toBe('ran');
    expect(await s.tick()).toBe('ran');
    expect(calls).toBe(2);
    expect(log.entries.map((e) => e.event)).toEqual(['run.started', 'run.skipped', 'run.finished', 'run.started', 'run.finished']);
  });

  it('a failing run is logged and recorded, and the next tick still runs', async () => {
    const log = memoryLogger();
    const failures: string[] = [];
    let n = 0;
    const s = new Scheduler({ schedule, log, onFailure: (e) => { failures.push(e.message); }, job: async () => { if (++n === 1) throw new Error('AccessDenied everywhere'); return { runId: 'ok' }; } });
    expect(await s.tick()).toBe('failed');
    expect(failures).toEqual(['AccessDenied everywhere']);
    expect(log.entries.find((e) => e.event === 'run.failed')).toMatchObject({ level: 'error', error: 'AccessDenied everywhere' });
    expect(await s.tick()).toBe('ran');
  });

  it('a failure to record the failure does not stop the schedule', async () => {
    const log = memoryLogger();
    const s = new Scheduler({ schedule, log, onFailure: () => { throw new Error('disk full'); }, job: async () => { throw new Error('x'); } });
    expect(await s.tick()).toBe('failed');
    expect(log.entries.some((e) => e.event === 'run.failure_not_recorded')).toBe(true);
    expect(await s.tick()).toBe('failed');
  });

  it('rejects an invalid cron expression or time zone before anything starts', () => {
    const job = vi.fn();
    expect(() => new Scheduler({ schedule: { ...schedule, cron: '0 25 * * *' }, log: memoryLogger(), job })).toThrow(InvalidScheduleError);
    expect(() => new Scheduler({ schedule: { ...schedule, cron: 'every night' }, log: memoryLogger(), job })).toThrow(/not a valid cron expression/);
    expect(() => new Scheduler({ schedule: { ...schedule, timezone: 'Mars/Olympus' }, log: memoryLogger(), job })).toThrow(/IANA/);
    expect(() => parseConfig({ schedule: { cron: '61 * * * *' } }, 'proofline.config.yaml')).toThrow(/proofline\.config\.yaml: field "schedule\.cron": "61 \* \* \* \*" is not a valid cron expression/);
    expect(job).not.toHaveBeenCalled();
  });

  it('fires on the cron schedule in its time zone (fake clock) and runs on start', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T00:59:58Z') });
    try {
      const log = memoryLogger();
      const ran: string[] = [];
      // 02:00 in Berlin (UTC+1 in November) is 01:00 UTC.
      const s = new Scheduler({ schedule: { ...schedule, runOnStart: true }, log, job: async (_signal, trigger) => { ran.push(trigger); return {}; } });
      s.start();
      expect(log.entries[0]).toMatchObject({ event: 'scheduler.started', nextRun: '2026-11-20T01:00:00.000Z' });
      await vi.advanceTimersByTimeAsync(0);
      expect(ran).toEqual(['start']);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(ran).toEqual(['start', 'schedule']);
      await s.stop();
      await vi.advanceTimersByTimeAsync(86_400_000);
      expect(ran).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('SIGTERM stops scheduling and abandons the current run through its signal', async () => {
    const log = memoryLogger();
    const signals = new EventEmitter();
    let sawAbort = false;
    const s = new Scheduler({
      schedule,
      log,
      job: (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => { sawAbort = true; reject(signal.reason); })),
    });
    const stopped = stopOnSignals(s, signals as never);
    const run = s.tick();
    signals.emit('SIGTERM');
    expect(await stopped).toBe('SIGTERM');
    expect(await run).toBe('stopped');
    expect(sawAbort).toBe(true);
    expect(await s.tick()).toBe('stopped');
    expect(log.entries.map((e) => e.event)).toEqual(['run.started', 'scheduler.stopping', 'run.abandoned', 'scheduler.stopped']);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});
