// Loads and validates the exceptions file; every problem names the file and the field.
import { isAfterDay, utcDay } from '../util/input-dates.ts';
import { exceptionsFileSchema, type RiskException } from './exceptions-schema.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';
import { readParsed, validated } from '../util/read-validated.ts';

export class ExceptionsError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'ExceptionsError';
  }
}

/** `now` (the evaluation time): an approval dated after it is rejected. */
export function parseExceptions(data: unknown, file: string, knownControlIds?: ReadonlySet<string>, now?: Date): RiskException[] {
  const r = { data: validated(exceptionsFileSchema, data ?? { exceptions: [] }, file, (m) => new ExceptionsError(m)) };
  if (knownControlIds) {
    const bad = r.data.exceptions.findIndex((e) => !knownControlIds.has(e.controlId));
    if (bad >= 0) throw new ExceptionsError({ file: file, field: `exceptions.${bad}.controlId`, message: `"${r.data.exceptions[bad].controlId}" is not a control in the catalog` });
  }
  if (now) {
    const future = r.data.exceptions.findIndex((e) => isAfterDay(e.approvedOn, now));
    if (future >= 0) throw new ExceptionsError({ file: file, field: `exceptions.${future}.approvedOn`, message: `${r.data.exceptions[future].approvedOn} is after the evaluation day ${utcDay(now)}; an approval cannot be dated in the future` });
  }
  return r.data.exceptions;
}

export async function loadExceptions(file: string, knownControlIds?: ReadonlySet<string>, now?: Date): Promise<RiskException[]> {
  const data = await readParsed(file, { format: 'yaml', what: 'the exceptions file', toError: (m) => new ExceptionsError(m) });
  return parseExceptions(data, file, knownControlIds, now);
}
