// The one way the product builds a path it writes (or reads from a folder it was handed): a root and
// relative segments, refused when the result would leave the root. Ids are validated where they enter;
// this is the second wall, so a value that slipped past them still cannot write outside the package.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, type InputProblem } from './input-error.ts';

export class PathEscapeError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'PathEscapeError';
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `root` joined with `segments` (each relative, '/'-separated allowed), or a PathEscapeError if it leaves `root`. */
export function confinedPath(root: string, ...segments: string[]): string {
  const base = resolve(root);
  for (const s of segments) {
    if (isAbsolute(s) || s.includes('\0')) throw new PathEscapeError({ file: JSON.stringify(s.slice(0, 120)), message: `not a relative path inside ${base}` });
  }
  const path = resolve(base, ...segments);
  if (!inside(base, path)) throw new PathEscapeError({ file: JSON.stringify(segments.join('/').slice(0, 120)), message: `leaves ${base}` });
  return path;
}

/**
 * Like confinedPath, for reading an existing file: symbolic links are resolved and the real file must
 * still be inside the real root (a link in a snapshot may not point out of it). A reader of many files
 * under one root passes `realRoot`, the root's real path resolved once.
 */
export async function confinedExistingPath(root: string, segment: string, realRoot: () => Promise<string> = () => realpath(resolve(root))): Promise<string> {
  const path = confinedPath(root, segment);
  const [realRootPath, realFile] = await Promise.all([realRoot(), realpath(path)]);
  if (!inside(realRootPath, realFile)) throw new PathEscapeError({ file: path, message: `a symbolic link that leads out of ${realRootPath}` });
  return path;
}
