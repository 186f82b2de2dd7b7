// A fixture folder built once per vitest run by whichever test file asks first, in whichever worker;
// a file asking while it is being built waits for it instead of building its own. Files must not change
// it: they copy what they change. The build writes into a private folder published with one rename, so
// a reader never sees half a fixture; a failed build publishes nothing and the next asker builds again.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/** Longer than any fixture takes to build on a loaded 2-core machine, shorter than vitest's hook timeout. */
const WAIT_MS = 100_000;

export async function sharedFixture(name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const root = inject('fixturesDir');
  const published = join(root, name);
  const lock = join(root, `${name}.lock`);
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(published)) return published;
    if (!(await acquired(lock))) {
      // Another file is building it (a build that failed removed the lock; one whose worker was killed did not).
      if (Date.now() > giveUpAt) throw new Error(`shared fixture "${name}": another test file has held ${lock} for over ${WAIT_MS / 1000} s`);
      await sleep(200);
      continue;
    }
    try {
      if (existsSync(published)) return published; // published between the check and the lock
      const dir = await mkdtemp(join(root, `${name}.tmp-`));
      try {
        await build(dir);
        await rename(dir, published);
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
      return published;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** Takes the lock (a folder: made by one process only); false when another holds it. */
async function acquired(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
