// How tests start the CLI as a child process: the compiled dist/cli/main.js (what the installed command
// runs) when every file of dist/ is newer than every source and tsconfig, as `npm ci`'s prepare leaves it
// in CI; otherwise the TypeScript sources through tsx (~0.7 s more CPU per process), so that a stale
// dist/ never stands in for the code under test.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Modification times of every file under `dir` (none if it does not exist). */
function mtimes(dir: string): number[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs);
}

/** dist/ is what the sources compile to now: built after the last change to src/ or the tsconfigs. */
export function distIsFresh(): boolean {
  const built = mtimes(join(ROOT, 'dist'));
  if (!built.length) return false;
  const inputs = [...mtimes(join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs)];
  return Math.min(...built) > Math.max(...inputs);
}

let nodeArgs: string[] | undefined;

/** Node's arguments that start the CLI; the CLI's own arguments follow them. */
export function cliNodeArgs(): string[] {
  nodeArgs ??= distIsFresh() ? [join(ROOT, 'dist/cli/main.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  return nodeArgs;
}
