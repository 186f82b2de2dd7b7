// Loads and validates the exceptions file; every problem names the file and the field.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { isAfterDay, utcDay } from '../util/input-dates.ts';
import { exceptionsFileSchema, type RiskException } from './exceptions-schema.ts';
import { InputError } from '../util/input-error.ts';

export class ExceptionsError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'ExceptionsError';
  }
}

/** `now` (the evaluation time): an approval dated after it is rejected. */
export function parseExceptions(data: unknown, file: string, knownControlIds?: ReadonlySet<string>, now?: Date): RiskException[] {
  const r = exceptionsFileSchema.safeParse(data ?? { exceptions: [] });
  if (!r.success) throw new ExceptionsError(r.error.issues.map((i) => `${file}: field "${i.path.join('.') || '(root)'}": ${i.message}`).join('\n'));
  if (knownControlIds) {
    const bad = r.data.exceptions.findIndex((e) => !knownControlIds.has(e.controlId));
    if (bad >= 0) throw new ExceptionsError(`${file}: field "exceptions.${bad}.controlId": "${r.data.exceptions[bad].controlId}" is not a control in the catalog`);
  }
  if (now) {
    const future = r.data.exceptions.findIndex((e) => isAfterDay(e.approvedOn, now));
    if (future >= 0) throw new ExceptionsError(`${file}: field "exceptions.${future}.approvedOn": ${r.data.exceptions[future].approvedOn} is after the evaluation day ${utcDay(now)}; an approval cannot be dated in the future`);
  }
  return r.data.exceptions;
}

export async function loadExceptions(file: string, knownControlIds?: ReadonlySet<string>, now?: Date): Promise<RiskException[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ExceptionsError(`${file}: cannot read the exceptions file (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new ExceptionsError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseExceptions(data, file, knownControlIds, now);
}
