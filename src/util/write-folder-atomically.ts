// Write-to-temp-then-rename for output folders (packages, period reports): everything is written into a
// temporary sibling made by mkdtemp and renamed into place only when complete, so a crash never leaves
// a half folder that looks whole, and a failure removes only what this call created.
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { confinedPath } from './confined-path.ts';

export interface WriteFolderOptions {
  /** What the folder is, for "a <what> with this name already exists". */
  what: string;
  /** Files written next to the temporary folder as `<tmp><suffix>` and renamed with it (e.g. ".zip"). */
  siblings?: readonly string[];
  /** Last step before the rename, with the temporary and the final path (e.g. record the run first). */
  beforePublish?: (tmp: string, final: string) => Promise<void>;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** Builds `<outDir>/<name>` through `fill(tmp)`; returns the final path. Refuses to replace anything. */
export async function writeFolderAtomically(outDir: string, name: string, fill: (tmp: string) => Promise<void>, opts: WriteFolderOptions): Promise<string> {
  const root = resolve(outDir);
  const final = confinedPath(root, name);
  const siblings = opts.siblings ?? [];
  for (const path of [final, ...siblings.map((s) => confinedPath(root, `${name}${s}`))]) {
    if (await exists(path)) throw new Error(`${final}: a ${opts.what} with this name already exists`);
  }
  await mkdir(root, { recursive: true });
  // A folder made here and nowhere else: on failure, only what this call created is removed.
  const tmp = await mkdtemp(confinedPath(root, `.${name}.partial-`));
  try {
    await fill(tmp);
    await opts.beforePublish?.(tmp, final);
    await rename(tmp, final);
    for (const s of siblings) await rename(`${tmp}${s}`, `${final}${s}`);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    for (const s of siblings) await rm(`${tmp}${s}`, { force: true });
    throw err;
  }
  return final;
}
