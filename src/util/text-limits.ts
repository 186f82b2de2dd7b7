// Bounds on text people put into inputs (config, exceptions, attestations, flags): rendered into the PDF,
// spreadsheet and OSCAL, where a 15 KB organization name once crashed the report and 50 MB never ended.
// Checked at load, so a bad input is a clear error naming the field, never a failed render.
import { z } from 'zod';

export const TEXT_LIMITS = {
  /** Names: organization, approver, attester, ids. */
  name: 200,
  /** One-line titles and resource patterns. */
  line: 1_000,
  /** Justifications and descriptions. */
  paragraph: 4_000,
} as const;

/** Input files read whole (config, exceptions, attestations): far above any real one. */
export const MAX_INPUT_FILE_BYTES = 1_048_576;

/** A trimmed, non-empty string of at most `max` characters with no control characters but tab and newline. */
export function boundedText(max: number, empty = 'must not be empty') {
  return z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'must not contain control characters');
}
