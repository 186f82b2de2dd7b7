// writeStableJson streams one long list of a JSON document; the file is byte for byte what
// stableStringify(value, 2) + '\n' gives the whole (snapshot indexes and manifests are digested and signed).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableStringify } from '../../src/util/stable-json.ts';
import { writeStableJson } from '../../src/util/write-stable-json.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function written(value: Record<string, unknown>, key: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'proofline-stable-json-'));
  dirs.push(dir);
  await writeStableJson(join(dir, 'out.json'), value, key as never);
  return readFile(join(dir, 'out.json'), 'utf8');
}

describe('writeStableJson', () => {
  it('writes what stableStringify writes: keys sorted around the list, nested objects, undefined left out', async () => {
    const value = { zeta: { b: 1, a: [1, 2] }, files: [{ size: 3, path: 'a "quoted"\nname', nested: { y: null, x: [] } }, { path: 'b', sha256: 'ff', gone: undefined }], alpha: 'é' };
    expect(await written(value, 'files')).toBe(stableStringify(value, 2) + '\n');
  });

  it('writes an empty list, and a list as the first or last key', async () => {
    for (const value of [{ files: [], m: 1 }, { files: [{ a: 1 }], m: 1 }, { a: 0, files: [{ a: 1 }, 'x', 3] }, { b: { files: [] }, files: [{ files: [] }] }]) expect(await written(value, 'files')).toBe(stableStringify(value, 2) + '\n');
  });
});
