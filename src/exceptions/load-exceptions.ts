// Loads and validates the exceptions file; every problem names the file and the field.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { exceptionsFileSchema, type RiskException } from './exceptions-schema.ts';

export class ExceptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExceptionsError';
  }
}

export function parseExceptions(data: unknown, file: string, knownControlIds?: ReadonlySet<string>): RiskException[] {
  const r = exceptionsFileSchema.safeParse(data ?? { exceptions: [] });
  if (!r.success) throw new ExceptionsError(r.error.issues.map((i) => `${file}: field "${i.path.join('.') || '(root)'}": ${i.message}`).join('\n'));
  if (knownControlIds) {
    const bad = r.data.exceptions.findIndex((e) => !knownControlIds.has(e.controlId));
    if (bad >= 0) throw new ExceptionsError(`${file}: field "exceptions.${bad}.controlId": "${r.data.exceptions[bad].controlId}" is not a control in the catalog`);
  }
  return r.data.exceptions;
}

export async function loadExceptions(file: string, knownControlIds?: ReadonlySet<string>): Promise<RiskException[]> {
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
  return parseExceptions(data, file, knownControlIds);
}
