// The installation's own folder (PROOFLINE_HOME, default ~/.proofline): keys that belong to this
// installation and never to a package (the development signing identity, the redaction key).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function prooflineHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROOFLINE_HOME || join(homedir(), '.proofline');
}
