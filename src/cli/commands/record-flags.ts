// `proofline record`'s flags and the checks that need nothing but the flags, made before the pipeline loads.
import { TEXT_LIMITS } from '../../util/text-limits.ts';
import { UsageError } from '../exit-codes.ts';
import { checkSourceFlags, type SourceFlags } from './source-flags.ts';

export interface RecordFlags extends SourceFlags {
  out: string;
  config?: string;
  description?: string;
}

/** Throws a UsageError naming the flag. */
export function checkRecordFlags(flags: RecordFlags): void {
  if (flags.description && flags.description.length > TEXT_LIMITS.paragraph) throw new UsageError({ file: '--description', message: `at most ${TEXT_LIMITS.paragraph} characters` });
  checkSourceFlags(flags);
}
