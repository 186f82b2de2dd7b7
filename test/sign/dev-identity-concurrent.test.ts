// Packages built at the same time (in one process or several) on a fresh PROOFLINE_HOME must agree on one
// development identity: never a half-written key, never a key of one creator with the certificate of another.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';

const homes: string[] = [];
afterAll(() => Promise.all(homes.map((h) => rm(h, { recursive: true, force: true }))));

describe('development identity created concurrently', () => {
  it('gives every caller the same certificate and leaves no temporary folder', async () => {
    const home = await mkdtemp(join(tmpdir(), 'proofline-dev-identity-'));
    homes.push(home);
    const identities = await Promise.all(Array.from({ length: 4 }, () => developmentIdentity(home, 'Acme')));
    const fingerprints = new Set(identities.map((i) => i.certificatePem));
    expect(fingerprints.size).toBe(1);
    expect(await readdir(home)).toEqual(['dev-identity']);
    expect((await readdir(join(home, 'dev-identity'))).sort()).toEqual(['certificate.pem', 'key.pem']);
  }, 120_000);
});
