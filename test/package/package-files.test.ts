// The listing the manifest, the zip and `verify` take of a package folder: every file at any depth, as
// sorted '/'-separated relative paths, folders themselves left out, a symbolic link listed and not
// followed (as Node's recursive readdir lists them), read several folders at a time.
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackageFiles } from '../../src/package/package-files.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-package-files-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('listPackageFiles', () => {
  it('lists every file under many nested folders, sorted, as recursive readdir does', async () => {
    const dir = join(work, 'pkg');
    const expected: string[] = ['results.json', 'z.txt', 'Ä-unicode.txt'];
    for (let a = 0; a < 5; a++) {
      for (let s = 0; s < 8; s++) {
        const folder = `evidence/records/11112222333${a}/eu-west-1/service-${s}/Op${s}`;
        await mkdir(join(dir, folder), { recursive: true });
        for (let f = 0; f < 3; f++) expected.push(`${folder}/${f}.json`);
      }
    }
    await mkdir(join(dir, 'portal/empty-folder'), { recursive: true });
    await mkdir(join(dir, 'outside'), { recursive: true });
    await writeFile(join(dir, 'outside/hidden.txt'), 'x');
    expected.push('outside/hidden.txt');
    await symlink(join(dir, 'outside'), join(dir, 'linked-folder'));
    expected.push('linked-folder');
    await Promise.all(expected.filter((f) => f !== 'linked-folder').map((f) => writeFile(join(dir, f), f)));

    const listed = await listPackageFiles(dir);
    expect(listed).toEqual([...expected].sort());
    const byNode = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
    expect(listed).toEqual(byNode);
  });

  it('lists nothing in an empty folder and fails on one that is missing', async () => {
    await mkdir(join(work, 'empty'));
    expect(await listPackageFiles(join(work, 'empty'))).toEqual([]);
    await expect(listPackageFiles(join(work, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
