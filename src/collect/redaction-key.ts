// The per-installation redaction key: 32 random bytes in $PROOFLINE_HOME/redaction.key (0600), made on
// first use. Redacted values are HMACs under it, so a package handed to an auditor does not let anyone
// test guesses of a short secret. It is never written into a package. A key file that exists but
// cannot be read or is malformed is an error, never silently replaced (that would change every
// redacted value and hide real changes between runs).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { installationKey } from '../util/installation-key.ts';
import { prooflineHome } from '../util/proofline-home.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';

export const REDACTION_KEY_FILE = 'redaction.key';

/**
 * The fixed key of the bundled sample account and of tests: public, so values redacted under it are
 * only as safe as unkeyed hashes. Never used for a real account (the CLI always uses the installation key).
 */
export const SAMPLE_REDACTION_KEY: Uint8Array = createHash('sha256').update('proofline sample and test redaction key (public; not for real accounts)').digest();

export class RedactionKeyError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'RedactionKeyError';
  }
}

const cache = new Map<string, Uint8Array>();

/** The installation's key, created (0600, atomically: written aside, then linked into place) when absent. */
export function installationRedactionKey(home = prooflineHome()): Uint8Array {
  const file = join(home, REDACTION_KEY_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  const key = installationKey(file, {
    what: 'redaction key',
    remedy: 'restore it from a backup, or remove it to start a new key (redacted values then change)',
    error: (problem) => new RedactionKeyError(problem),
  });
  cache.set(file, key);
  return key;
}
