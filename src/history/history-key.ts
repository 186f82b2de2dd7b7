// The per-installation history key: 32 random bytes in $PROOFLINE_HOME/history.key (next to the
// development signing identity, never inside a package or the dataDir). It keys the history chain
// (HMAC-SHA256), so whoever can edit history.sqlite but not read this file cannot re-chain an edit.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { installationKey } from '../util/installation-key.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';

export const HISTORY_KEY_FILE = 'history.key';

export class HistoryKeyError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'HistoryKeyError';
  }
}

/** Reads the key, creating it only when the file does not exist (never on any other read error). */
export function loadHistoryKey(home: string): Buffer {
  return installationKey(join(home, HISTORY_KEY_FILE), {
    what: 'history key',
    remedy: 'restore it from backup: a new key cannot verify the existing history',
    error: (problem) => new HistoryKeyError(problem),
  });
}

/** A public name for a key (never the key): which key a history was chained with. */
export function historyKeyId(key: Buffer): string {
  return createHash('sha256').update('proofline history key id\n').update(key).digest('hex').slice(0, 16);
}
