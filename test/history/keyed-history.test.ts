// The keyed history (issue 11, item 4): each reproduction that read "intact" before must fail now, and
// an honest history (including one migrated from the unkeyed chain) must still verify.
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPeriodReport, HistoryNotVerifiedError } from '../../src/history/build-period-report.ts';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../src/history/data-dir-lock.ts';
import { entryDigest } from '../../src/history/history-entry.ts';
import { historyKeyId, loadHistoryKey } from '../../src/history/history-key.ts';
import { HISTORY_FILE, HistoryStore } from '../../src/history/history-store.ts';
import type { HistoryStatements } from '../../src/history/history-sql.ts';
import { packageManifestDigest } from '../../src/history/manifest-digest.ts';
import { migrate, MIGRATIONS } from '../../src/history/migrations.ts';
import { verifyHistory } from '../../src/history/verify-history.ts';
import { stableStringify } from '../../src/util/stable-json.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { fakeResults } from './fake-results.ts';
import { describeHistoryBackends } from '../helpers/history-backends.ts';

const period = { from: '2026-11-01', to: '2026-11-30', fromInstant: '2026-11-01T00:00:00.000Z', toInstant: '2026-11-30T23:59:59.999Z' };

/** What an attacker with write access to the history's database but not the key can do: recompute the unkeyed chain. */
async function rechainWithoutKey(db: HistoryStatements): Promise<void> {
  let previous: string | undefined;
  for (const r of await db.all<Record<string, unknown>>('SELECT * FROM runs ORDER BY seq')) {
    const e = { seq: r.seq as number, id: r.id as string, startedAt: r.started_at as string, finishedAt: r.finished_at as string, status: r.status as 'succeeded', ...(r.error ? { error: r.error as string } : {}), ...(r.package_path ? { packagePath: r.package_path as string } : {}), ...(r.manifest_sha256 ? { manifestSha256: r.manifest_sha256 as string } : {}), ...(r.previous_manifest_sha256 ? { previousManifestSha256: r.previous_manifest_sha256 as string } : {}), ...(r.results_sha256 ? { resultsSha256: r.results_sha256 as string } : {}), ...(r.summary_json ? { summary: JSON.parse(r.summary_json as string) } : {}), ...(previous ? { previousEntrySha256: previous } : {}) };
    previous = entryDigest(e);
    await db.run('UPDATE runs SET previous_entry_sha256 = ?, entry_sha256 = ? WHERE seq = ?', [e.previousEntrySha256 ?? null, previous, e.seq]);
  }
}

describeHistoryBackends('keyed history: the reproductions of issue 11', (backend) => {
  let dir: string;
  let store: HistoryStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-keyed-'));
    store = await backend.fresh(dir, TEST_HISTORY_KEY);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function packageRun(n: number, s = store) {
    const pkg = join(dir, `pkg-${n}`);
    await mkdir(pkg);
    await writeFile(join(pkg, 'manifest.json'), JSON.stringify({ n, previousManifestSha256: await s.previousManifestDigest() }));
    const startedAt = `2026-11-${String(10 + n).padStart(2, '0')}T02:00:00.000Z`;
    return s.recordRun({ id: `run-${n}`, startedAt, finishedAt: startedAt, status: 'succeeded', packagePath: pkg, manifestSha256: await packageManifestDigest(pkg), results: fakeResults(`run-${n}`, startedAt, [{ control: 'c1', resource: 'r1', status: 'pass' }]) });
  }

  const problems = async (s = store) => (await verifyHistory(s)).problems.map((p) => p.problem).join('\n');

  it('an honest history verifies', async () => {
    await packageRun(1);
    await packageRun(2);
    await store.markPruned('run-1', '2026-12-01T00:00:00.000Z');
    await rm(join(dir, 'pkg-1'), { recursive: true });
    const v = await verifyHistory(store);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('pruned_at set by hand and the package deleted: a failure (no keyed pruning record)', async () => {
    await packageRun(1);
    await packageRun(2);
    await store.sql.run(`UPDATE runs SET pruned_at = '2026-12-01T00:00:00.000Z' WHERE id = 'run-1'`);
    await rm(join(dir, 'pkg-1'), { recursive: true });
    expect(await problems()).toMatch(/marked pruned at 2026-12-01T00:00:00.000Z without a keyed pruning record/);
    expect((await verifyHistory(store)).ok).toBe(false);
  });

  it('a run_results row deleted: a failure, and the period report refuses the history', async () => {
    await packageRun(1);
    await packageRun(2);
    await store.sql.run(`DELETE FROM run_results WHERE run_id = 'run-1'`);
    expect(await problems()).toMatch(/stored results were removed/);
    await expect(buildPeriodReport(store, period, new Date('2026-12-01T00:00:00Z'))).rejects.toBeInstanceOf(HistoryNotVerifiedError);
  });

  it('an edited history re-chained without the key: a failure', async () => {
    await packageRun(1);
    await packageRun(2);
    await packageRun(3);
    await store.sql.run(`UPDATE runs SET summary_json = '{"findings":{"pass":99}}', started_at = '2026-11-01T00:00:00.000Z' WHERE id = 'run-2'`);
    await rechainWithoutKey(store.sql);
    const text = await problems();
    expect(text).not.toMatch(/entry altered/); // the unkeyed chain is consistent again...
    expect(text).toMatch(/entry MAC does not verify/); // ...the keyed one is not
  });

  it('the newest run deleted (with its results): a failure (keyed head)', async () => {
    await packageRun(1);
    await packageRun(2);
    await store.sql.run(`DELETE FROM run_results WHERE run_id = 'run-2'`);
    await store.sql.run(`DELETE FROM runs WHERE id = 'run-2'`);
    expect(await problems()).toMatch(/its keyed head says run #2/);
  });

  it('another installation\'s key: verification says so and nothing can be recorded', async () => {
    await packageRun(1);
    await store.close();
    const other = Buffer.alloc(32, 9);
    store = await backend.reopen(dir, other);
    expect(await problems()).toMatch(new RegExp(`keyed with key id ${historyKeyId(TEST_HISTORY_KEY)}`));
    await expect(packageRun(2)).rejects.toThrow(/nothing is recorded/);
  });
});

describe('migration of an unkeyed history (SQLite: histories from before the keyed chain)', () => {
  let dir: string;
  let store: HistoryStore | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-keyed-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  const problems = async (s: HistoryStore) => (await verifyHistory(s)).problems.map((p) => p.problem).join('\n');

  function v2History(file: string, tamper: boolean): void {
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    let previous: string | undefined;
    for (let n = 1; n <= 3; n++) {
      const startedAt = `2026-11-1${n}T02:00:00.000Z`;
      const e = { seq: n, id: `old-${n}`, startedAt, finishedAt: startedAt, status: 'failed' as const, error: 'x', ...(previous ? { previousEntrySha256: previous } : {}) };
      previous = entryDigest(e);
      db.prepare('INSERT INTO runs (seq, id, started_at, finished_at, status, error, previous_entry_sha256, entry_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(n, e.id, startedAt, startedAt, 'failed', tamper && n === 2 ? 'edited' : 'x', e.previousEntrySha256 ?? null, previous);
    }
    db.close();
  }

  it('re-keys a sound unkeyed history, says so in a note, and keeps chaining', async () => {
    const legacy = join(dir, 'legacy');
    await mkdir(legacy);
    v2History(join(legacy, HISTORY_FILE), false);
    store = await HistoryStore.open(legacy, TEST_HISTORY_KEY);
    await store.recordRun({ id: 'new-4', startedAt: '2026-11-20T00:00:00.000Z', finishedAt: '2026-11-20T00:00:00.000Z', status: 'failed', error: 'y' });
    const v = await verifyHistory(store);
    expect(v.problems).toEqual([]);
    expect(v.notes.join('\n')).toMatch(/runs 1\.\.3 were keyed on .* when this history moved from schema 2 to the keyed chain/);
  });

  it('keeps failing a history whose unkeyed chain did not hold when it was re-keyed', async () => {
    const legacy = join(dir, 'legacy');
    await mkdir(legacy);
    v2History(join(legacy, HISTORY_FILE), true);
    store = await HistoryStore.open(legacy, TEST_HISTORY_KEY);
    expect(await problems(store)).toMatch(/the unkeyed chain did not hold when it was keyed .*run #2: entry altered/);
  });
});

describe('history key and dataDir lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-keyed-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('the key is created once under PROOFLINE_HOME, reused, and never re-minted over a damaged file', async () => {
    const home = join(dir, 'home');
    const a = loadHistoryKey(home);
    expect(loadHistoryKey(home).equals(a)).toBe(true);
    await writeFile(join(home, 'history.key'), 'garbage\n');
    expect(() => loadHistoryKey(home)).toThrow(/history\.key: not a history key/);
    expect(await readFile(join(home, 'history.key'), 'utf8')).toBe('garbage\n');
  });

  it('one writer per dataDir: a second holder is refused with the holder\'s pid; a stale lock is taken over', async () => {
    const data = join(dir, 'data');
    const lock = await acquireDataDirLock(data);
    await expect(acquireDataDirLock(data)).rejects.toThrow(new RegExp(`in use by another Proofline process \\(pid ${process.pid} `));
    await expect(acquireDataDirLock(data)).rejects.toBeInstanceOf(DataDirLockedError);
    await lock.release();
    // A holder that exited without releasing: its pid no longer runs.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(join(data, LOCK_FILE), `${stableStringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00.000Z' })}\n`);
    const taken = await acquireDataDirLock(data);
    expect(JSON.parse(await readFile(join(data, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await taken.release();
  });
});
