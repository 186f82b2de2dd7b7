// Write-to-temp-then-rename for output folders (packages, period reports, snapshots): everything is written into a
// temporary sibling made by mkdtemp and renamed into place only when complete, so a crash never leaves
// a half folder that looks whole, and a failure removes only what this call created.
import { mkdir, mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { confinedPath } from './confined-path.ts';

export interface WriteFolderOptions {
  /** What the folder is, for "a <what> with this name already exists". */
  what: string;
  /** Files written next to the temporary folder as `<tmp><suffix>` and renamed with it (e.g. ".zip"). */
  siblings?: readonly string[];
  /** Last step before the rename, with the temporary and the final path (e.g. record the run first). */
  beforePublish?: (tmp: string, final: string) => Promise<void>;
  /**
   * Allows replacing an existing folder the caller has checked is its own kind (e.g. an earlier snapshot):
   * it is moved aside, the new one renamed in, and then `removeOld` removes what the caller knows it
   * holds (never a recursive delete of whatever is there). Without it, an existing folder is refused.
   */
  replace?: { removeOld: (old: string) => Promise<void> };
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** Builds `<outDir>/<name>` through `fill(tmp)`; returns the final path. Replaces only with `opts.replace`. */
export async function writeFolderAtomically(outDir: string, name: string, fill: (tmp: string) => Promise<void>, opts: WriteFolderOptions): Promise<string> {
  const root = resolve(outDir);
  const final = confinedPath(root, name);
  const siblings = opts.siblings ?? [];
  const replacing = opts.replace !== undefined && (await exists(final));
  for (const path of [...(replacing ? [] : [final]), ...siblings.map((s) => confinedPath(root, `${name}${s}`))]) {
    if (await exists(path)) throw new Error(`${final}: a ${opts.what} with this name already exists`);
  }
  await mkdir(root, { recursive: true });
  // A folder made here and nowhere else: on failure, only what this call created is removed.
  const tmp = await mkdtemp(confinedPath(root, `.${name}.partial-`));
  try {
    await fill(tmp);
    await opts.beforePublish?.(tmp, final);
    if (replacing) await swapIn(tmp, final, root, name, opts.replace!.removeOld);
    else await rename(tmp, final);
    for (const s of siblings) await rename(`${tmp}${s}`, `${final}${s}`);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    for (const s of siblings) await rm(`${tmp}${s}`, { force: true });
    throw err;
  }
  return final;
}

/** Moves the existing `final` aside, renames `tmp` in (putting the old one back if that fails), then removes the old one. */
async function swapIn(tmp: string, final: string, root: string, name: string, removeOld: (old: string) => Promise<void>): Promise<void> {
  const holder = await mkdtemp(confinedPath(root, `.${name}.old-`));
  const aside = confinedPath(holder, name);
  await rename(final, aside);
  try {
    await rename(tmp, final);
  } catch (err) {
    await rename(aside, final);
    await rmdir(holder);
    throw err;
  }
  await removeOld(aside);
  await rmdir(holder);
}
