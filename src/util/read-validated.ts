// Read -> parse (YAML or JSON) -> validate (zod) -> the value, or an InputError naming the file and,
// for a schema problem, the field. One implementation for every input file the product reads.
import { readFile, stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputProblem } from './input-error.ts';

/** Makes the caller's own InputError subclass from the problems (so callers keep their error type). */
export type InputErrorFactory = (problems: readonly InputProblem[]) => InputError;

/** A broken file of thousands of entries is named by its first problems, not all of them. */
const MAX_LISTED = 20;

const plainInputError: InputErrorFactory = (problems) => new InputError(problems);

/** Every schema problem as `file: field "a.b": message`, one per line. */
export function validated<S extends z.ZodType>(schema: S, data: unknown, file: string, toError: InputErrorFactory = plainInputError): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const problems: InputProblem[] = r.error.issues.slice(0, MAX_LISTED).map((i) => ({ file, field: i.path.join('.') || '(root)', message: i.message }));
  if (r.error.issues.length > MAX_LISTED) problems.push({ file, message: `... and ${r.error.issues.length - MAX_LISTED} more problems` });
  throw toError(problems);
}

export interface ReadOptions {
  format: 'yaml' | 'json';
  /** What the file is, for "cannot read <what>". */
  what: string;
  toError?: InputErrorFactory;
  /** Refuse a larger file before reading it (inputs people write; not evidence indexes, which grow with accounts). */
  maxBytes?: number;
}

/** The file's text parsed as YAML or JSON (not yet validated). */
export async function readParsed(file: string, opts: ReadOptions): Promise<unknown> {
  const toError = opts.toError ?? plainInputError;
  let text: string;
  let size = 0;
  try {
    if (opts.maxBytes !== undefined) size = (await stat(file)).size;
    text = size > opts.maxBytes! ? '' : await readFile(file, 'utf8');
  } catch (err) {
    throw toError([{ file, message: `cannot read ${opts.what} (${(err as Error).message})` }]);
  }
  if (size > opts.maxBytes!) throw toError([{ file, message: `${size} bytes; a ${opts.what} is at most ${opts.maxBytes} bytes` }]);
  try {
    return opts.format === 'yaml' ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw toError([{ file, message: opts.format === 'yaml' ? `not valid YAML: ${(err as Error).message.split('\n')[0]}` : `not valid JSON (${(err as Error).message})` }]);
  }
}

/** Reads, parses and validates `file`; `ifEmpty` stands in for an empty YAML document. */
export async function readValidated<S extends z.ZodType>(file: string, schema: S, opts: ReadOptions & { ifEmpty?: unknown }): Promise<z.output<S>> {
  const data = await readParsed(file, opts);
  return validated(schema, data ?? opts.ifEmpty, file, opts.toError);
}
