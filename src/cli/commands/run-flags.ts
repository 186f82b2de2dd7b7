// `proofline run`'s flags and the checks that need nothing but the flags, made before the pipeline loads.
import { UsageError } from '../exit-codes.ts';
import type { QueueFlags } from './queue-options.ts';
import { checkSourceFlags, type SourceFlags } from './source-flags.ts';

export interface RunFlags extends SourceFlags, QueueFlags {
  out: string;
  config?: string;
  evaluatedAt?: string;
  format?: string;
  only?: string;
}

export const ONLY = ['results'] as const;

/** Throws a UsageError naming the flag; returns --evaluated-at as a date. */
export function checkRunFlags(flags: RunFlags): { evaluatedAt?: Date } {
  let evaluatedAt: Date | undefined;
  if (flags.evaluatedAt) {
    evaluatedAt = new Date(flags.evaluatedAt);
    if (Number.isNaN(evaluatedAt.getTime())) throw new UsageError({ file: '--evaluated-at', message: `"${flags.evaluatedAt}" is not a date` });
  }
  if (flags.only !== undefined && !(ONLY as readonly string[]).includes(flags.only)) throw new UsageError({ file: '--only', message: `"${flags.only}" is not one of ${ONLY.join(', ')}` });
  if (flags.only && flags.format) throw new UsageError({ file: '--only', message: 'results writes results.json alone: --format adds exports to a package, drop one of them' });
  checkSourceFlags(flags);
  return { ...(evaluatedAt ? { evaluatedAt } : {}) };
}
