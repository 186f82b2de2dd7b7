// Many files written into few folders, concurrently: each folder is made once (with its parents), and
// writers into the same folder wait for that one mkdir instead of each issuing their own.
import { mkdir } from 'node:fs/promises';

/** A function that makes `path` (recursively) the first time it is asked, and returns that same promise after. */
export function folderMaker(): (path: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (path) => {
    let done = made.get(path);
    if (!done) made.set(path, (done = mkdir(path, { recursive: true })));
    return done;
  };
}
