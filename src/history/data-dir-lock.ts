// One writer per dataDir: <dataDir>/proofline.lock holds the writer's pid, host and start time, created
// atomically (hard link of a complete file). A lock whose holder is gone (same host, pid not running) is stale and taken over; taking
// over goes through a second exclusive file so two processes cannot both remove the stale lock and
// each believe it holds the new one.
import { hostname } from 'node:os';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'proofline.lock';

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirLock {
  file: string;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(file: string): Promise<Holder | undefined> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Holder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: written by a process of this host that no longer runs (or unreadable, which a complete-or-absent file only is when damaged). */
const stale = (h: Holder | undefined) => !h || (h.host === hostname() && !alive(h.pid));

/** Creates `file` with our holder record, complete or not at all (written aside, then hard-linked). */
async function createExclusive(file: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
  try {
    await link(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(tmp, { force: true });
  }
}

async function takeOverStale(file: string): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard))) {
    if (stale(await holderOf(guard))) await rm(guard, { force: true });
    return;
  }
  try {
    if (stale(await holderOf(file))) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(file)) {
      return {
        file,
        release: async () => {
          const h = await holderOf(file);
          if (h?.pid === process.pid && h.host === hostname()) await rm(file, { force: true });
        },
      };
    }
    const holder = await holderOf(file);
    if (!stale(holder)) throw new DataDirLockedError(`${dataDir}: in use by another Proofline process (pid ${holder!.pid} on ${holder!.host} since ${holder!.since}); one writer at a time per dataDir (${file})`);
    await takeOverStale(file);
  }
  throw new DataDirLockedError(`${dataDir}: could not take the lock ${file}`);
}
