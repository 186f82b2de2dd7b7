// A per-installation secret in $PROOFLINE_HOME: 32 random bytes as hex in a 0600 file, created on first
// use (atomically: written aside, then linked into place, so concurrent first uses agree on one key).
// A file that exists but cannot be read or is malformed is an error, never silently replaced.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { InputProblem } from './input-error.ts';

export interface InstallationKeySpec {
  /** What the key is, for messages: "redaction key", "history key". */
  what: string;
  /** What to do about a damaged file (restore from backup, ...). */
  remedy: string;
  /** The error to throw (an InputError subclass of the caller's). */
  error: (problem: InputProblem) => Error;
}

function readKey(file: string, spec: InstallationKeySpec): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw spec.error({ file, message: `cannot read the ${spec.what} (${(err as Error).message})` });
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw spec.error({ file, message: `not a ${spec.what} (64 hex digits expected); ${spec.remedy}` });
  return Buffer.from(hex, 'hex');
}

export function installationKey(file: string, spec: InstallationKeySpec): Buffer {
  const existing = readKey(file, spec);
  if (existing) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(aside, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, file); // fails if another process made the key first: then theirs is used
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
  return readKey(file, spec)!;
}
