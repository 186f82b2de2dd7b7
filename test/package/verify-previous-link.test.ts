import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../src/util/sha256.ts';
import { verifyPreviousLink } from '../../src/package/verify-previous-link.ts';

let dir: string;
const manifest = (previous: string | null) => JSON.stringify({ previousManifestSha256: previous });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-link-'));
  await writeFile(join(dir, 'first.json'), manifest(null));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pkg(name: string, previous: string | null): Promise<string> {
  const p = join(dir, name);
  await cp(join(dir, 'first.json'), join(p, 'manifest.json'));
  await writeFile(join(p, 'manifest.json'), manifest(previous));
  return p;
}

describe('link to the previous run', () => {
  it('accepts a manifest that names the previous manifest digest, and rejects a wrong predecessor', async () => {
    const first = await pkg('a', null);
    const second = await pkg('b', await sha256File(join(first, 'manifest.json')));
    expect((await verifyPreviousLink(second, first)).ok).toBe(true);
    expect((await verifyPreviousLink(first, undefined)).detail).toContain('first run');
    const other = await pkg('c', 'f'.repeat(64));
    const r = await verifyPreviousLink(other, first);
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('has SHA-256');
  });

  it('fails when the previous manifest was altered after the link was made', async () => {
    const first = await pkg('d', null);
    const second = await pkg('e', await sha256File(join(first, 'manifest.json')));
    await writeFile(join(first, 'manifest.json'), (await readFile(join(first, 'manifest.json'), 'utf8')) + ' ');
    expect((await verifyPreviousLink(second, first)).ok).toBe(false);
  });
});
