// Writing tens of thousands of small files (a package's evidence records): fs.writeFile's callback form.
// fs/promises' writeFile opens a FileHandle per file, which the main thread creates, tracks and closes:
// for 20k files of 1 KB, 32 at a time, the main thread was busy 424-558 ms with it against 198-309 ms with
// the callback form, and the writes took 1.3-1.6x as long (bench/files/write-many-files.ts).
import { writeFile } from 'node:fs';
import { promisify } from 'node:util';

/** Writes (creates or replaces) one file with these bytes. */
export const writeSmallFile: (path: string, data: Buffer) => Promise<void> = promisify(writeFile);
