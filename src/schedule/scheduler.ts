// The long-running scheduler: a node-cron task that calls one job at a time. A tick while a run is in
// progress is skipped (logged), a failing run is logged and the schedule continues, and stop() aborts
// the current run through its AbortSignal and waits for it to wind down.
import { createTask, type ScheduledTask } from 'node-cron';
import { cronProblem, isTimeZone, type ScheduleConfig } from '../config/operations-config.ts';
import type { JsonLogger } from './json-logger.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';
import { tickOf, type TickClaim } from './tick-claim.ts';

export class InvalidScheduleError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'InvalidScheduleError';
  }
}

export interface JobOutcome {
  runId?: string;
  [field: string]: unknown;
}

/** One evidence run. It must honour the signal: on abort, stop and leave nothing half written. */
export type ScheduledJob = (signal: AbortSignal, trigger: 'start' | 'schedule') => Promise<JobOutcome>;

export interface SchedulerOptions {
  schedule: ScheduleConfig;
  job: ScheduledJob;
  log: JsonLogger;
  /** Called after a job throws, e.g. to record the failed run in the history. */
  onFailure?: (error: Error) => Promise<void> | void;
  /** Schedulers on several hosts: true when this one won the tick (tick-claim.ts); absent, every tick is ours. */
  claimTick?: TickClaim;
  now?: () => Date;
}

export type TickResult = 'ran' | 'failed' | 'skipped_overlap' | 'skipped_claimed' | 'stopped';

export class Scheduler {
  private task: ScheduledTask | undefined;
  private current: Promise<TickResult> | undefined;
  private abort: AbortController | undefined;
  private stopping = false;

  constructor(private readonly opts: SchedulerOptions) {
    const problem = cronProblem(opts.schedule.cron);
    if (problem) throw new InvalidScheduleError({ file: 'schedule', field: 'cron', message: problem });
    if (!isTimeZone(opts.schedule.timezone)) throw new InvalidScheduleError({ file: 'schedule', field: 'timezone', message: `"${opts.schedule.timezone}" is not an IANA time zone` });
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Starts the cron task (and the run on start, when configured). */
  start(): void {
    const { cron, timezone, runOnStart } = this.opts.schedule;
    // The overlap guard is ours (tick), not node-cron's noOverlap, so skips are logged the same way everywhere.
    const log = this.opts.log;
    // node-cron's own messages (e.g. a missed execution after the machine slept) go to the JSON log, not the console.
    const logger = {
      info: (m: string) => log.log('info', 'cron.message', { message: m }),
      warn: (m: string) => log.log('warn', 'cron.message', { message: m }),
      error: (m: string | Error) => log.log('error', 'cron.message', { message: String(m instanceof Error ? m.message : m) }),
      debug: () => {},
    };
    this.task = createTask(cron, () => this.tick('schedule'), { timezone, name: 'proofline', logger });
    void this.task.start();
    this.opts.log.log('info', 'scheduler.started', { cron, timezone, runOnStart, nextRun: this.task.getNextRun()?.toISOString() });
    if (runOnStart) void this.tick('start');
  }

  /** One tick: runs the job unless one is running or the scheduler is stopping. Never throws. */
  tick(trigger: 'start' | 'schedule' = 'schedule'): Promise<TickResult> {
    if (this.stopping) return Promise.resolve('stopped');
    if (this.current) {
      this.opts.log.log('warn', 'run.skipped', { reason: 'previous run still in progress', trigger });
      return Promise.resolve('skipped_overlap');
    }
    const abort = new AbortController();
    this.abort = abort;
    const started = Date.now();
    const tick = tickOf((this.opts.now ?? (() => new Date()))(), this.opts.schedule.cron);
    this.current = (async (): Promise<TickResult> => {
      try {
        if (this.opts.claimTick && !(await this.opts.claimTick(tick))) {
          this.opts.log.log('info', 'run.skipped', { reason: 'another scheduler runs this tick', trigger, tick: tick.toISOString() });
          return 'skipped_claimed';
        }
        this.opts.log.log('info', 'run.started', { trigger });
        const outcome = await this.opts.job(abort.signal, trigger);
        this.opts.log.log('info', 'run.finished', { trigger, durationMs: Date.now() - started, ...outcome });
        return 'ran';
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        const aborted = abort.signal.aborted;
        this.opts.log.log(aborted ? 'warn' : 'error', aborted ? 'run.abandoned' : 'run.failed', { trigger, durationMs: Date.now() - started, error: error.message });
        try {
          await this.opts.onFailure?.(error);
        } catch (recordErr) {
          this.opts.log.log('error', 'run.failure_not_recorded', { error: (recordErr as Error).message });
        }
        return aborted ? 'stopped' : 'failed';
      } finally {
        this.current = undefined;
        this.abort = undefined;
      }
    })();
    return this.current;
  }

  /** Stops scheduling, abandons the current run (its job cleans up on abort) and waits for it. */
  async stop(reason = 'stop requested'): Promise<void> {
    if (this.stopping) return this.current?.then(() => undefined);
    this.stopping = true;
    this.opts.log.log('info', 'scheduler.stopping', { reason, runInProgress: this.running });
    await this.task?.destroy();
    this.abort?.abort(new Error(`run abandoned: ${reason}`));
    await this.current;
    this.opts.log.log('info', 'scheduler.stopped', { reason });
  }
}

/** SIGTERM/SIGINT stop the scheduler once; the returned promise resolves when it has stopped. */
export function stopOnSignals(scheduler: Scheduler, emitter: Pick<NodeJS.Process, 'once' | 'off'> = process, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((sig) => {
      const h = () => {
        for (const [s, other] of handlers) emitter.off(s, other);
        void scheduler.stop(sig).then(() => resolve(sig));
      };
      emitter.once(sig, h);
      return [sig, h] as const;
    });
  });
}
