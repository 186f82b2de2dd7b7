import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { evidenceJob } from '../../src/schedule/evidence-job.ts';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { Scheduler, stopOnSignals } from '../../src/schedule/scheduler.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { verifyHistory } from '../../src/history/verify-history.ts';
import { fakeResults } from '../history/fake-results.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';

let dir: string;
let store: HistoryStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-job-'));
  store = await HistoryStore.open(dir, TEST_HISTORY_KEY);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

let clock = Date.parse('2026-11-20T02:00:00Z');
const now = () => new Date((clock += 60_000));

function config(extra: Record<string, unknown> = {}) {
  return parseConfig({ dataDir: dir, schedule: { cron: '0 2 * * *' }, exceptionsFile: 'samples/exceptions.yaml', manualEvidenceDir: 'samples/manual-evidence', ...extra }, 'test.yaml');
}

describe('scheduled evidence job', () => {
  it('writes packages with the manual evidence, chains them in the history, records a failed run and keeps going', async () => {
    const packagesDir = join(dir, 'packages');
    let n = 0;
    const seen: { exceptions: number; manual: number }[] = [];
    const { job, onFailure } = evidenceJob({
      config: config(),
      store,
      packagesDir,
      log: memoryLogger(),
      now,
      collect: async (inputs, at) => {
        seen.push({ exceptions: inputs.exceptions.length, manual: inputs.manualEvidence.length });
        if (++n === 2) throw new Error('throttled out');
        return { results: fakeResults(`run-${n}`, at.toISOString(), [{ control: 'c1', resource: 'r', status: 'pass' }]), records: [] };
      },
    });
    const s = new Scheduler({ schedule: config().schedule!, log: memoryLogger(), job, onFailure });
    expect(await s.tick()).toBe('ran');
    expect(await s.tick()).toBe('failed');
    expect(await s.tick()).toBe('ran');
    expect(seen[0]).toEqual({ exceptions: 3, manual: 3 });
    const runs = await store.runs();
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(runs[1].error).toBe('throttled out');
    expect(runs[2].previousManifestSha256).toBe(runs[0].manifestSha256);
    const pkgs = await readdir(packagesDir);
    expect(pkgs).toHaveLength(2);
    expect((await readdir(join(packagesDir, pkgs[0], 'manual'))).length).toBe(3);
    expect(await verifyHistory(store)).toMatchObject({ ok: true, checkedPackages: 2 });
  });

  it('SIGTERM while the package is being written leaves no package, half or whole', async () => {
    const packagesDir = join(dir, 'packages');
    const signals = new EventEmitter();
    let stepStarted!: () => void;
    const inStep = new Promise<void>((r) => (stepStarted = r));
    const { job, onFailure } = evidenceJob({
      config: config(),
      store,
      packagesDir,
      log: memoryLogger(),
      now,
      collect: async (_inputs, at) => ({ results: fakeResults('slow', at.toISOString(), [{ control: 'c1', resource: 'r', status: 'fail' }]), records: [] }),
      // A slow renderer: the signal arrives while it runs.
      packageSteps: () => [async () => { stepStarted(); await new Promise((r) => setTimeout(r, 50)); }],
    });
    const s = new Scheduler({ schedule: config().schedule!, log: memoryLogger(), job, onFailure });
    const stopped = stopOnSignals(s, signals as never);
    const run = s.tick();
    await inStep;
    signals.emit('SIGTERM');
    await stopped;
    expect(await run).toBe('stopped');
    expect(await readdir(packagesDir)).toEqual([]);
    expect((await store.runs()).map((r) => r.status)).toEqual(['failed']);
    expect((await store.runs())[0].error).toMatch(/abandoned: SIGTERM/);
  });

  it('SIGTERM during collection abandons the run at once', async () => {
    const signals = new EventEmitter();
    const { job, onFailure } = evidenceJob({ config: config(), store, packagesDir: join(dir, 'packages'), log: memoryLogger(), now, collect: () => new Promise(() => {}) });
    const s = new Scheduler({ schedule: config().schedule!, log: memoryLogger(), job, onFailure });
    const stopped = stopOnSignals(s, signals as never);
    const run = s.tick();
    await new Promise((r) => setTimeout(r, 10));
    signals.emit('SIGINT');
    expect(await stopped).toBe('SIGINT');
    expect(await run).toBe('stopped');
    expect(await readdir(dir)).not.toContain('packages');
  });

  it('a bad exceptions file fails the run with a message naming it', async () => {
    const log = memoryLogger();
    const { job, onFailure } = evidenceJob({ config: config({ exceptionsFile: join(dir, 'missing.yaml') }), store, packagesDir: join(dir, 'packages'), log, now, collect: async () => { throw new Error('unreachable'); } });
    const s = new Scheduler({ schedule: config().schedule!, log, job, onFailure });
    expect(await s.tick()).toBe('failed');
    expect((await store.runs())[0].error).toMatch(/missing\.yaml: cannot read the exceptions file/);
  });
});

describe('the history row and the package land together', () => {
  it('the row is written before the rename: a package lands only with its row', async () => {
    const packagesDir = join(dir, 'packages');
    let seenDuringStep: number | undefined;
    const { job } = evidenceJob({
      config: config(), store, packagesDir, log: memoryLogger(), now,
      collect: async (_inputs, at) => ({ results: fakeResults('row-first', at.toISOString(), [{ control: 'c1', resource: 'r', status: 'pass' }]), records: [] }),
      packageSteps: () => [async () => { seenDuringStep = (await store.runs()).length; }],
    });
    await job(new AbortController().signal, 'start');
    expect(seenDuringStep).toBe(0);
    const [row] = await store.runs();
    expect(await readdir(packagesDir)).toEqual([row.packagePath!.split('/').pop()]);
  });

  it("keeps the package's results.json as the run's results, and delivers rows read from the published package", async () => {
    const packagesDir = join(dir, 'packages');
    let delivered: { findings: string[]; summary: unknown } | undefined;
    let handed: RunResults | undefined;
    const { job } = evidenceJob({
      config: config(), store, packagesDir, log: memoryLogger(), now,
      collect: async (_inputs, at) => {
        handed = fakeResults('kept', at.toISOString(), [{ control: 'c1', resource: 'a', status: 'fail' }, { control: 'c1', resource: 'b', status: 'pass' }]);
        return { results: handed, records: [] };
      },
      afterRun: async (_path, results) => {
        // Not the arrays collection made: rows of the package's results.json, read now.
        expect(Array.isArray(results.findings)).toBe(false);
        delivered = { findings: [...results.findings].map((f) => f.id), summary: results.summary };
        return {};
      },
    });
    await job(new AbortController().signal, 'start');
    const [row] = await store.runs();
    const onDisk = await readFile(join(row.packagePath!, 'results.json'));
    // The digest the chain names is results.json's: the one a signed manifest lists for it.
    expect(row.resultsSha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(await store.results(row.id)).toEqual(JSON.parse(onDisk.toString('utf8')));
    expect(row.summary).toEqual(JSON.parse(onDisk.toString('utf8')).summary);
    expect(delivered).toEqual({ findings: handed!.findings.map((f) => f.id), summary: handed!.summary });
    expect(delivered!.findings).toHaveLength(2);
  });

  it('when the row cannot be written, the package is removed and nothing lands', async () => {
    const packagesDir = join(dir, 'packages');
    // The history is keyed by this installation; a process with another key cannot record in it.
    const foreign = await HistoryStore.open(dir, Buffer.alloc(32, 1));
    try {
      const { job } = evidenceJob({
        config: config(), store: foreign, packagesDir, log: memoryLogger(), now,
        collect: async (_inputs, at) => ({ results: fakeResults('no-row', at.toISOString(), [{ control: 'c1', resource: 'r', status: 'pass' }]), records: [] }),
      });
      await expect(job(new AbortController().signal, 'start')).rejects.toThrow(/nothing is recorded/);
    } finally {
      await foreign.close();
    }
    expect(await readdir(packagesDir)).toEqual([]);
    expect(await store.runs()).toEqual([]);
  });
});
