// The run history in a shared PostgreSQL (history.url), with a real database: writers on several
// hosts append one chain, two schedulers run a tick once and record it once, reading commands never
// create a history, and the CLI reads it through PROOFLINE_HISTORY_URL.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { HistoryNotFoundError, HistoryStore } from '../../src/history/history-store.ts';
import { loadHistoryKey } from '../../src/history/history-key.ts';
import { openHistory } from '../../src/history/open-history.ts';
import { verifyHistory } from '../../src/history/verify-history.ts';
import { evidenceJob } from '../../src/schedule/evidence-job.ts';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { openTickClaims, type TickClaimStore } from '../../src/schedule/tick-claim.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { runCliProcess } from '../helpers/cli-process.ts';
import { describeWithPostgres, freshDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { fakeResults } from './fake-results.ts';

describeWithPostgres('run history in PostgreSQL', () => {
  let db: TestDatabase;
  let tmp: string;
  const open: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(x: T): T => (open.push(x), x);
  beforeAll(async () => {
    db = await freshDatabase();
    tmp = await mkdtemp(join(tmpdir(), 'proofline-pg-history-'));
  });
  // Every pool ends before the database is dropped.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((x) => x.close()));
  });
  afterAll(async () => {
    await db?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('reading commands never create a history: an empty database is an error naming where the URL came from', async () => {
    const empty = await freshDatabase();
    try {
      await expect(HistoryStore.openExistingPostgres(empty.url, () => TEST_HISTORY_KEY, { file: 'PROOFLINE_HISTORY_URL' })).rejects.toThrow(HistoryNotFoundError);
      await expect(HistoryStore.openExistingPostgres(empty.url, () => TEST_HISTORY_KEY, { file: 'PROOFLINE_HISTORY_URL' })).rejects.toThrow(/^PROOFLINE_HISTORY_URL: no run history in the PostgreSQL database/);
    } finally {
      await empty.drop();
    }
  });

  it('writers on several hosts append one chain: concurrent runs get consecutive numbers and verify', async () => {
    const hosts = await Promise.all([1, 2, 3].map(async () => track(await HistoryStore.openPostgres(db.url, TEST_HISTORY_KEY))));
    const at = '2026-11-20T02:00:00.000Z';
    await Promise.all(hosts.flatMap((h, i) => [1, 2, 3, 4].map((n) => h.recordRun({ id: `host${i}-${n}`, startedAt: at, finishedAt: at, status: 'succeeded', manifestSha256: `m${i}${n}`.padEnd(64, '0'), results: fakeResults(`host${i}-${n}`, at, []) }))));
    const runs = await hosts[0].runs();
    expect(runs.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Each succeeded run names the manifest of the run recorded just before it, whichever host wrote that.
    for (let i = 1; i < runs.length; i++) expect(runs[i].previousManifestSha256).toBe(runs[i - 1].manifestSha256);
    expect(await verifyHistory(hosts[2])).toMatchObject({ ok: true, runs: 12 });
    // A tampered row is found from any host.
    await hosts[1].sql.run(`UPDATE runs SET status = 'failed' WHERE seq = 5`);
    expect((await verifyHistory(hosts[0])).problems.map((p) => p.problem).join('\n')).toMatch(/entry altered/);
    await hosts[1].sql.run(`UPDATE runs SET status = 'succeeded' WHERE seq = 5`);
  });

  it('two schedulers pointed at one PostgreSQL history run and record each tick once', async () => {
    const shared = await freshDatabase();
    try {
      const dataDirs = [join(tmp, 'host-a'), join(tmp, 'host-b')];
      const clock = { at: new Date('2026-11-30T02:00:00.250Z') };
      // Run ids per tick and host: the same host may win both ticks.
      const ran: string[] = [];
      const schedulers = await Promise.all(
        dataDirs.map(async (dataDir, i) => {
          await mkdir(dataDir, { recursive: true });
          const config = parseConfig({ dataDir, history: { url: shared.url }, schedule: { cron: '0 2 * * *' } }, 'test.yaml');
          const store = track(await openHistory(config, { PROOFLINE_HOME: join(tmp, 'home') }));
          const claims: TickClaimStore = track(await openTickClaims(shared.url, 'Test|0 2 * * *|UTC', `host-${i}`));
          const { job, onFailure } = evidenceJob({
            config,
            store,
            packagesDir: join(dataDir, 'packages'),
            log: memoryLogger(),
            now: () => clock.at,
            collect: async (_inputs, at) => (ran.push(`host-${i}`), { results: fakeResults(`tick-${ran.length}-host-${i}`, at.toISOString(), [{ control: 'c1', resource: 'r', status: 'pass' }]), records: [] }),
          });
          return new Scheduler({ schedule: config.schedule!, log: memoryLogger(), job, onFailure, claimTick: claims.claim, now: () => clock.at });
        }),
      );
      expect((await Promise.all(schedulers.map((s) => s.tick('schedule')))).sort()).toEqual(['ran', 'skipped_claimed']);
      expect(ran).toHaveLength(1);
      clock.at = new Date('2026-12-01T02:00:00.100Z');
      expect((await Promise.all(schedulers.map((s) => s.tick('schedule')))).sort()).toEqual(['ran', 'skipped_claimed']);
      const reader = track(await HistoryStore.openPostgres(shared.url, loadHistoryKey(join(tmp, 'home'))));
      expect((await reader.runs()).map((r) => r.seq)).toEqual([1, 2]);
      expect(await verifyHistory(reader)).toMatchObject({ ok: true, runs: 2, checkedPackages: 2 });
    } finally {
      await Promise.all(open.splice(0).map((x) => x.close()));
      await shared.drop();
    }
  });

  it('`proofline verify --history` and `history list` read the PostgreSQL history of PROOFLINE_HISTORY_URL', async () => {
    const own = await freshDatabase();
    try {
      const home = join(tmp, 'cli-home');
      const store = track(await HistoryStore.openPostgres(own.url, loadHistoryKey(home)));
      const at = '2026-11-20T02:00:00.000Z';
      await store.recordRun({ id: 'cli-run-1', startedAt: at, finishedAt: at, status: 'succeeded', results: fakeResults('cli-run-1', at, []) });
      const env = { PROOFLINE_HOME: home, PROOFLINE_HISTORY_URL: own.url };
      const [verify, list] = await Promise.all([runCliProcess(['verify', '--history'], env), runCliProcess(['history', 'list'], env)]);
      expect(verify).toMatchObject({ code: 0 });
      expect(verify.stdout).toMatch(/history of 1 run\(s\) is intact/);
      expect(list.stdout).toMatch(/#1 {2}cli-run-1 /);
      await store.sql.run(`UPDATE runs SET finished_at = '2026-11-21T00:00:00.000Z' WHERE seq = 1`);
      const tampered = await runCliProcess(['verify', '--history'], env);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toMatch(/run #1 \(cli-run-1\): entry altered/);
    } finally {
      await Promise.all(open.splice(0).map((x) => x.close()));
      await own.drop();
    }
  }, 120_000);
});
