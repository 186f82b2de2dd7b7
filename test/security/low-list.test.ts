// The low list: a mistyped dataDir is an error (no empty history that verifies), "latest" is the
// latest run with results, and the development identity is made only when absent.
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryNotFoundError, HistoryStore } from '../../src/history/history-store.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import { fakeResults } from '../history/fake-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { runCliProcess } from '../helpers/cli-process.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-low-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const exists = (p: string) => stat(p).then(() => true, () => false);

describe('a mistyped dataDir', () => {
  it('is an error for reading commands, and nothing is created', async () => {
    const missing = join(tmp, 'typo-data');
    expect(() => HistoryStore.openExisting(missing, () => TEST_HISTORY_KEY)).toThrow(HistoryNotFoundError);
    expect(() => HistoryStore.openExisting(missing, () => TEST_HISTORY_KEY)).toThrow(/history\.sqlite: no run history here/);
    expect(await exists(missing)).toBe(false);
  });

  it('`proofline verify --history` exits 2 instead of calling an empty history intact', async () => {
    const cfg = join(tmp, 'typo.yaml');
    await writeFile(cfg, `dataDir: ${join(tmp, 'no-such-data')}\n`);
    const r = await runCliProcess(['verify', '--history', '--config', cfg], { PROOFLINE_HOME: join(tmp, 'home') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no run history here');
    expect(r.stdout).not.toContain('intact');
    expect(await exists(join(tmp, 'no-such-data'))).toBe(false);
  });
});

describe('"latest"', () => {
  it('is the latest run with stored results, not a failed or abandoned run after it', async () => {
    const store = await HistoryStore.open(':memory:', TEST_HISTORY_KEY);
    try {
      const at = '2026-11-20T02:00:00.000Z';
      await store.recordRun({ id: 'ok-1', startedAt: at, finishedAt: at, status: 'succeeded', results: fakeResults('ok-1', at, []) });
      await store.recordRun({ id: 'ok-2', startedAt: at, finishedAt: at, status: 'succeeded', results: fakeResults('ok-2', at, []) });
      await store.recordRun({ id: 'killed', startedAt: at, finishedAt: at, status: 'failed', error: 'aborted: SIGTERM' });
      expect((await store.run('latest'))?.id).toBe('ok-2');
      expect(await store.results((await store.run('latest'))!.id)).toBeDefined();
    } finally {
      await store.close();
    }
  });
});

describe('the development identity', () => {
  it('is made when absent, reused, and never replaced on a read error or when half of it is missing', async () => {
    const home = join(tmp, 'dev-home');
    const first = await developmentIdentity(home, 'Org');
    const key = await readFile(join(home, 'dev-identity', 'key.pem'), 'utf8');
    expect((await developmentIdentity(home, 'Org')).certificatePem).toBe(first.certificatePem);

    await chmod(join(home, 'dev-identity', 'key.pem'), 0o000);
    if (process.getuid?.() !== 0) await expect(developmentIdentity(home, 'Org')).rejects.toThrow(/cannot read the development identity .* it is not replaced/);
    await chmod(join(home, 'dev-identity', 'key.pem'), 0o600);

    await rm(join(home, 'dev-identity', 'certificate.pem'));
    await expect(developmentIdentity(home, 'Org')).rejects.toThrow(/holds key\.pem without certificate\.pem; the development identity is not replaced/);
    expect(await readFile(join(home, 'dev-identity', 'key.pem'), 'utf8')).toBe(key);
    expect(await readdir(join(home, 'dev-identity'))).toEqual(['key.pem']);
  });
});
