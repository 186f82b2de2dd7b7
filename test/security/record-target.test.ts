// `record --out <folder>` replaces only what it made: a new, an empty or a snapshot folder. Anything
// else is refused and left exactly as it was (`--out .` once wiped the current folder).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { readSnapshotIndex } from '../../src/collect/snapshot/read-snapshot.ts';
import { ok } from '../helpers/evidence.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-record-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const scope = { accounts: ['111122223333'], regions: ['eu-west-1'] };
const records = [ok('s3.ListBuckets', { Buckets: [] }, { region: 'global' })];
const meta = { createdAt: '2026-11-20T02:00:00.000Z' };

describe('record target', () => {
  it('refuses a folder that is not a snapshot and leaves every file in it', async () => {
    const dir = join(tmp, 'project');
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(join(dir, 'README.md'), 'mine');
    await writeFile(join(dir, 'src', 'a.ts'), 'code');
    await expect(writeSnapshot(dir, records, scope, meta)).rejects.toThrow(/exists and is not a Proofline snapshot \(it holds README.md, src\); it is left as it is/);
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'src']);
    expect(await readFile(join(dir, 'src', 'a.ts'), 'utf8')).toBe('code');
    expect((await readdir(tmp)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a snapshot folder that also holds other files', async () => {
    const dir = join(tmp, 'mixed');
    await writeSnapshot(dir, records, scope, meta);
    await writeFile(join(dir, 'notes.txt'), 'keep');
    await expect(writeSnapshot(dir, records, scope, meta)).rejects.toThrow(/holds notes.txt/);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep');
  });

  it('refuses a file', async () => {
    const file = join(tmp, 'file.txt');
    await writeFile(file, 'x');
    await expect(writeSnapshot(file, records, scope, meta)).rejects.toThrow(/exists and is not a folder/);
  });

  it('writes into a new or empty folder and replaces an earlier snapshot, leaving no temporary folder', async () => {
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    await writeSnapshot(empty, records, scope, meta);
    expect((await readSnapshotIndex(empty)).records).toHaveLength(1);
    await writeSnapshot(empty, [...records, ok('iam.GetAccountSummary', {}, { region: 'global' })], scope, { ...meta, description: 'again' });
    expect((await readSnapshotIndex(empty)).description).toBe('again');
    expect((await readSnapshotIndex(empty)).records).toHaveLength(2);
    expect((await readdir(tmp)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
