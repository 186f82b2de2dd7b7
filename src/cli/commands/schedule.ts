// `proofline schedule`: the long-running scheduler (or one scheduled run with --once, for plain cron
// and container schedulers). Logs are JSON lines on stdout. The flags are checked before the pipeline
// is loaded (schedule-action.ts).
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { returnsExitCode } from '../command-outcome.ts';
import { addQueueOptions } from './queue-options.ts';
import { addSourceOptions } from './source-flags.ts';
import { checkScheduleFlags, type ScheduleFlags } from './schedule-flags.ts';

export function registerSchedule(program: Command): void {
  const cmd = program
    .command('schedule')
    .description(describeCommand('schedule'))
    .requiredOption('--config <file>', 'proofline.config.yaml with a schedule section')
    .option('--once', 'one run now, then exit (for plain cron, Kubernetes CronJobs, EventBridge Scheduler)');
  addQueueOptions(addSourceOptions(cmd)).action(returnsExitCode(async (flags: ScheduleFlags) => {
    checkScheduleFlags(flags);
    const { scheduleCommand } = await import('./schedule-action.ts');
    return scheduleCommand(flags);
  }));
}
