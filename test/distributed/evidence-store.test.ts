// The shared evidence store (folder form): a shard stored twice is one copy, altered evidence is
// refused, ids from a job cannot leave the store, and a run's cleanup removes only that run's objects.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceIntegrityError, folderEvidenceStore } from '../../src/run/distributed/evidence-store.ts';
import { InputError } from '../../src/util/input-error.ts';
import { ok } from '../helpers/evidence.ts';

const RUN = '3f0c7a52-6d1e-4b8a-9f4e-2b7c1d0e9a11';
const OTHER_RUN = '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const shard = { account: '111122223333', region: 'eu-west-1' };

describe('folder evidence store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-store-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a shard stored twice leaves one object; reading gives the last copy', async () => {
    const store = folderEvidenceStore(dir);
    const first = [ok('kms.ListKeys', { Keys: [] })];
    const second = [ok('kms.ListKeys', { Keys: [{ KeyId: 'k1' }] })];
    await store.put(RUN, shard, first);
    await store.put(RUN, shard, second);
    expect(await readdir(join(dir, RUN, shard.account))).toEqual(['eu-west-1.ndjson']);
    expect(await store.get(RUN, shard)).toEqual(second);
    expect(await store.get(RUN, { ...shard, region: 'us-east-1' })).toBeUndefined();
  });

  it('refuses a record that no longer matches its sha256', async () => {
    const store = folderEvidenceStore(dir);
    const other = { account: '111122223333', region: 'global' };
    await store.put(RUN, other, [ok('iam.ListRoles', { Roles: [] })]);
    const file = join(dir, RUN, other.account, 'global.ndjson');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Roles":[]', '"Roles":[{"RoleName":"x"}]'));
    await expect(store.get(RUN, other)).rejects.toBeInstanceOf(EvidenceIntegrityError);
  });

  it('ids from a job cannot name a path outside the store (bad input)', async () => {
    const store = folderEvidenceStore(dir);
    await expect(store.put('../../etc', shard, [])).rejects.toBeInstanceOf(InputError);
    await expect(store.put(RUN, { account: '../../tmp', region: 'eu-west-1' }, [])).rejects.toBeInstanceOf(InputError);
    await expect(store.put(RUN, { account: '111122223333', region: '../x' }, [])).rejects.toBeInstanceOf(InputError);
  });

  it("removing a run deletes that run's objects only", async () => {
    const store = folderEvidenceStore(dir);
    await store.put(OTHER_RUN, shard, [ok('kms.ListKeys', { Keys: [] })]);
    await store.removeRun(RUN);
    expect(await readdir(dir)).toEqual([OTHER_RUN]);
  });
});
