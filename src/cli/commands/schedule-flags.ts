// `proofline schedule`'s flags and the checks that need nothing but the flags, made before the pipeline loads.
import type { QueueFlags } from './queue-options.ts';
import { checkSourceFlags, type SourceFlags } from './source-flags.ts';

export interface ScheduleFlags extends SourceFlags, QueueFlags {
  config?: string;
  once?: boolean;
}

/** Throws a UsageError naming the flag. */
export function checkScheduleFlags(flags: ScheduleFlags): void {
  checkSourceFlags(flags);
}
