// Runs collected by worker processes through a real PostgreSQL queue (pg-boss) give the results a
// single process gives: over the sample account (CLI run and CLI workers), over a generated 8-account
// Organization, with a worker killed mid-shard; a shard that always fails reads unknown; an aborted
// run leaves no shards behind.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { syntheticOrganization } from '../../bench/generate/synthetic-organization.ts';
import { syntheticSourceName } from '../../bench/workers/synthetic-worker.ts';
import { simulatedSource } from '../../src/collect/source.ts';
import { configSchema } from '../../src/config/config-schema.ts';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { distributedCollect, RunCancelledError, type DistributedOptions } from '../../src/run/distributed/collect-distributed.ts';
import { SHARD_QUEUE } from '../../src/run/distributed/shard-queue.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { describeWithPostgres, freshDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { cliNodeArgs, ROOT } from '../helpers/cli-command.ts';
import { startCli, startTsx, stopAll } from '../helpers/processes.ts';
import { comparable } from '../../bench/workers/comparable-results.ts';

const EVALUATED_AT = new Date('2026-11-20T02:00:00Z');
const WORKER = 'bench/workers/synthetic-worker.ts';

describeWithPostgres('collection by workers through a PostgreSQL queue', () => {
  let db: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    db = await freshDatabase();
    tmp = await mkdtemp(join(tmpdir(), 'proofline-queue-'));
  });
  afterEach(stopAll);
  afterAll(async () => {
    await stopAll();
    await db?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  async function organizationRun(accounts: number, size: number, d?: Partial<DistributedOptions>): Promise<RunResults> {
    const project = await loadProjectCatalog();
    const org = syntheticOrganization(accounts, size);
    const source = simulatedSource(org.responder, org.scope, syntheticSourceName({ accounts, size, limits: false }));
    const collect = d ? distributedCollect({ queueUrl: db.url, evidenceStore: join(tmp, 'store'), shardTimeoutSeconds: 60, retryLimit: 1, pollMs: 200, ...d }) : undefined;
    const { results } = await runEvidenceInMemory({ ...project, source, config: configSchema.parse({}), evaluatedAt: EVALUATED_AT, collect });
    return results;
  }

  // results.json is what is compared: `--only results` skips rendering two packages nobody reads here.
  it('two CLI workers over the sample account give the single-process results.json', async () => {
    const env = { PROOFLINE_QUEUE_URL: db.url, HOME: tmp };
    const workers = [startCli(['worker'], env), startCli(['worker', '--concurrency', '2'], env)];
    const cli = (out: string, extra: string[]) =>
      promisify(execFile)(process.execPath, [...cliNodeArgs(), 'run', '--source', 'samples/sample-account', '--config', 'samples/sample-account.config.yaml', '--evaluated-at', EVALUATED_AT.toISOString(), '--out', out, '--only', 'results', '--quiet', ...extra], { cwd: ROOT, env: { ...process.env, HOME: tmp, PROOFLINE_QUEUE_URL: '' } });
    await Promise.all([cli(join(tmp, 'single'), []), cli(join(tmp, 'queued'), ['--queue', db.url, '--evidence-store', join(tmp, 'sample-store')])]);
    const results = async (dir: string) => {
      const name = (await readdir(dir)).find((f) => !f.endsWith('.zip'))!;
      return JSON.parse(await readFile(join(dir, name, 'results.json'), 'utf8')) as RunResults;
    };
    const [single, queued] = await Promise.all([results(join(tmp, 'single')), results(join(tmp, 'queued'))]);
    expect(comparable(queued)).toEqual(comparable(single));
    const done = workers.flatMap((w) => w.lines).filter((l) => l.includes('"shard.done"'));
    expect(done).toHaveLength(3); // global, eu-west-1, us-east-1
    // The run removed what workers stored for it.
    expect(await readdir(join(tmp, 'sample-store')).catch(() => [])).toEqual([]);
  }, 180_000);

  // 8 accounts are 40 shards for 4 worker slots: each worker claims many shards, one after another and
  // side by side, as with 50 accounts (which took a minute of the suite's CPU and proved nothing more).
  it('two workers over a generated 8-account Organization give the single-process results', async () => {
    for (let i = 0; i < 2; i++) startTsx(WORKER, [db.url, '2']);
    const [single, queued] = await Promise.all([organizationRun(8, 10), organizationRun(8, 10, {})]);
    expect(queued.run.scope.accounts).toHaveLength(8);
    expect(queued.evidence.length).toBeGreaterThan(800);
    expect(comparable(queued)).toEqual(comparable(single));
  }, 300_000);

  it('a shard whose worker is killed (SIGKILL) is retried by another worker after its timeout: same results', async () => {
    const slow = startTsx(WORKER, [db.url, '1'], { PROOFLINE_SIM_LATENCY_MS: '400' });
    const queued = organizationRun(2, 10, { shardTimeoutSeconds: 3, retryLimit: 2 });
    const started = JSON.parse(await slow.waitForLine((l) => l.includes('"start"'))) as { shard: string };
    await slow.stop('SIGKILL');
    expect(slow.lines.some((l) => l.includes('"done"'))).toBe(false);
    const healthy = startTsx(WORKER, [db.url, '2']);
    const [results, single] = await Promise.all([queued, organizationRun(2, 10)]);
    expect(healthy.lines.some((l) => l.includes('"done"') && l.includes(started.shard))).toBe(true);
    expect(comparable(results)).toEqual(comparable(single));
  }, 180_000);

  it('a shard that fails on every attempt becomes error evidence: its findings are unknown, no control passes on it', async () => {
    const failing = { account: '100000000001', region: 'eu-west-1' };
    startTsx(WORKER, [db.url, '2'], { PROOFLINE_SIM_FAIL_SHARD: `${failing.account}/${failing.region}` });
    const results = await organizationRun(2, 10, { retryLimit: 1 });
    const inShard = (x: { account: string; region: string }) => x.account === failing.account && x.region === failing.region;
    const evidence = results.evidence.filter(inShard);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => e.outcome === 'error' && e.error?.name === 'ShardFailed' && /simulated failure of shard/.test(e.error.message))).toBe(true);
    const findings = results.findings.filter(inShard);
    expect(findings.length).toBeGreaterThan(0);
    // Nothing is judged on evidence that was not collected (a region inside the approved ones may read
    // not_applicable: data there is allowed whatever it is).
    expect(findings.filter((f) => f.status === 'pass' || f.status === 'fail')).toEqual([]);
    expect(findings.filter((f) => f.status === 'unknown').length).toBeGreaterThan(findings.length / 2);
    for (const id of new Set(findings.filter((f) => f.status === 'unknown').map((f) => f.controlId))) expect(results.controls.find((c) => c.id === id)?.status).not.toBe('pass');
    // The other account's same region was collected.
    expect(results.evidence.some((e) => e.account === '100000000000' && e.region === 'eu-west-1' && e.outcome === 'ok')).toBe(true);
  }, 180_000);

  it('an aborted run cancels its shards and leaves none in the queue', async () => {
    const abort = new AbortController();
    let enqueued = 0;
    const run = organizationRun(3, 5, { signal: abort.signal, onProgress: (p) => ((enqueued = p.total), abort.abort()) });
    await expect(run).rejects.toBeInstanceOf(RunCancelledError);
    expect(enqueued).toBe(15); // 3 accounts x (4 regions + global)
    const boss = new PgBoss(db.url);
    boss.on('error', () => undefined);
    await boss.start();
    try {
      expect(await boss.getQueueSize(SHARD_QUEUE, { before: 'completed' })).toBe(0);
      expect((await boss.getQueues()).map((q) => q.name).filter((n) => n.startsWith('proofline-run-'))).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  }, 60_000);
});
