import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HistoryStore } from '../../src/history/history-store.ts';
import { packageManifestDigest } from '../../src/history/manifest-digest.ts';
import { MIGRATIONS } from '../../src/history/migrations.ts';
import { verifyHistory } from '../../src/history/verify-history.ts';
import { fakeResults } from './fake-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { describeHistoryBackends } from '../helpers/history-backends.ts';

describeHistoryBackends('history store', (backend) => {
  let dir: string;
  let store: HistoryStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-history-'));
    store = await backend.fresh(dir, TEST_HISTORY_KEY);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function packageRun(n: number) {
    const pkg = join(dir, `pkg-${n}`);
    await mkdir(pkg);
    await writeFile(join(pkg, 'manifest.json'), JSON.stringify({ n, previousManifestSha256: await store.previousManifestDigest() }));
    const startedAt = `2026-11-${String(10 + n).padStart(2, '0')}T02:00:00.000Z`;
    return store.recordRun({ id: `run-${n}`, startedAt, finishedAt: startedAt, status: 'succeeded', packagePath: pkg, manifestSha256: await packageManifestDigest(pkg), results: fakeResults(`run-${n}`, startedAt, [{ control: 'c1', resource: 'r1', status: 'pass' }]) });
  }

  it('migrates to the latest schema version and reopens without re-applying', async () => {
    expect(await store.sql.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    await store.close();
    store = await backend.reopen(dir, TEST_HISTORY_KEY);
    expect(store.sql.openedAtVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(await store.runs()).toEqual([]);
  });

  it('chains each succeeded run to the previous manifest and keeps results retrievable', async () => {
    const a = await packageRun(1);
    await store.recordRun({ id: 'failed-2', startedAt: '2026-11-12T00:00:00.000Z', finishedAt: '2026-11-12T00:00:01.000Z', status: 'failed', error: 'boom' });
    const c = await packageRun(3);
    expect(a.previousManifestSha256).toBeUndefined();
    expect(c.previousManifestSha256).toBe(a.manifestSha256);
    expect(await store.previousManifestDigest()).toBe(c.manifestSha256);
    expect((await store.results('run-3'))?.run.id).toBe('run-3');
    expect((await store.run('run-3'))?.seq).toBe(3);
    await expect(store.run('run-')).rejects.toThrow(/ambiguous/);
    expect((await store.run('fail'))?.id).toBe('failed-2');
    expect((await store.run('latest'))?.id).toBe('run-3');
    expect((await store.run('2'))?.status).toBe('failed');
    const v = await verifyHistory(store);
    expect(v).toMatchObject({ ok: true, runs: 3, checkedPackages: 2 });
  });

  it('verify detects a deleted run', async () => {
    await packageRun(1);
    await packageRun(2);
    await packageRun(3);
    await store.sql.run('DELETE FROM run_results WHERE run_id = ?', ['run-2']);
    await store.sql.run('DELETE FROM runs WHERE id = ?', ['run-2']);
    const v = await verifyHistory(store);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem).join('\n')).toMatch(/run\(s\) 2\.\.2 were removed/);
    expect(v.problems.some((p) => /manifest chain broken/.test(p.problem))).toBe(true);
  });

  it('verify detects a deleted run even when the sequence numbers are rewritten', async () => {
    await packageRun(1);
    await packageRun(2);
    await packageRun(3);
    await store.sql.run('DELETE FROM run_results WHERE run_id = ?', ['run-2']);
    await store.sql.run('DELETE FROM runs WHERE id = ?', ['run-2']);
    await store.sql.run('UPDATE runs SET seq = 2 WHERE id = ?', ['run-3']);
    const v = await verifyHistory(store);
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => /chain broken/.test(p.problem))).toBe(true);
  });

  it('verify detects an altered entry, altered stored results and an altered package', async () => {
    const one = await packageRun(1);
    await packageRun(2);
    await store.sql.run(`UPDATE runs SET started_at = '2026-01-01T00:00:00.000Z' WHERE id = 'run-2'`);
    await writeFile(join(one.packagePath!, 'manifest.json'), '{"tampered":true}');
    const v = await verifyHistory(store);
    const text = v.problems.map((p) => p.problem).join('\n');
    expect(text).toMatch(/entry altered/);
    expect(text).toMatch(/manifest digest .* differs/);
  });

  it('a package removed by hand is reported, one removed by retention is not', async () => {
    const one = await packageRun(1);
    const two = await packageRun(2);
    await rm(one.packagePath!, { recursive: true });
    await rm(two.packagePath!, { recursive: true });
    await store.markPruned('run-2', '2026-12-01T00:00:00.000Z');
    const v = await verifyHistory(store);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ runId: 'run-1' });
    expect(v.problems[0].problem).toMatch(/missing/);
  });

  it('keeps learned call rates per account x region x operation, the latest replacing the earlier', async () => {
    await store.saveLearnedRates([
      { account: '111111111111', region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 24.5, learnedAt: '2026-11-20T02:00:00.000Z' },
      { account: '111111111111', region: 'global', operation: 'iam.GetLoginProfile', rate: 19, learnedAt: '2026-11-20T02:00:00.000Z' },
    ]);
    await store.saveLearnedRates([{ account: '111111111111', region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 26.25, learnedAt: '2026-11-21T02:00:00.000Z' }]);
    await store.close();
    store = await backend.reopen(dir, TEST_HISTORY_KEY);
    expect(await store.learnedRates()).toEqual([
      { account: '111111111111', region: 'eu-west-1', operation: 'kms.DescribeKey', rate: 26.25, learnedAt: '2026-11-21T02:00:00.000Z' },
      { account: '111111111111', region: 'global', operation: 'iam.GetLoginProfile', rate: 19, learnedAt: '2026-11-20T02:00:00.000Z' },
    ]);
    // Rates are collection hints outside the keyed chain: the history still verifies.
    expect((await verifyHistory(store)).ok).toBe(true);
  });
});
