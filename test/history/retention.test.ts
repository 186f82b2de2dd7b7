import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/history/history-entry.ts';
import { selectRunsToPrune } from '../../src/history/retention.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';

const now = new Date('2026-11-30T12:00:00Z');
// One run a day, 2026-11-01 .. 2026-11-30.
const runs: HistoryEntry[] = Array.from({ length: 30 }, (_, i) => {
  const day = String(i + 1).padStart(2, '0');
  return { seq: i + 1, id: `r${day}`, startedAt: `2026-11-${day}T02:00:00.000Z`, finishedAt: `2026-11-${day}T02:05:00.000Z`, status: 'succeeded', packagePath: `/p/${day}`, entrySha256: 'x' };
});
const ids = (es: HistoryEntry[]) => es.map((e) => e.id).sort();

describe('retention', () => {
  it('keeps nothing extra without a retention policy', () => {
    expect(selectRunsToPrune(runs, undefined, [], now)).toEqual([]);
  });

  it('keepRuns keeps the newest N packages', () => {
    const pruned = selectRunsToPrune(runs, { keepRuns: 5 }, [], now);
    expect(pruned).toHaveLength(25);
    expect(ids(pruned)).not.toContain('r26');
    expect(ids(pruned)).toContain('r25');
  });

  it('keepDays prunes packages older than N days', () => {
    const pruned = selectRunsToPrune(runs, { keepDays: 10 }, [], now);
    expect(ids(pruned)).toEqual(runs.filter((r) => r.startedAt < '2026-11-20T12:00:00.000Z').map((r) => r.id));
  });

  it('never prunes a run inside an open observation window, but does inside a closed one', () => {
    const windows = [
      { name: 'SOC 2 Type II FY27', from: '2026-11-05', to: '2027-05-04' },
      { name: 'closed', from: '2026-11-01', to: '2026-11-02' },
    ];
    const pruned = selectRunsToPrune(runs, { keepRuns: 1, keepDays: 1 }, windows, now);
    expect(ids(pruned)).toEqual(['r01', 'r02', 'r03', 'r04']);
  });

  it('a window is open through its last day', () => {
    const pruned = selectRunsToPrune(runs, { keepRuns: 1 }, [{ name: 'ends today', from: '2026-11-29', to: '2026-11-30' }], now);
    expect(ids(pruned)).not.toContain('r29');
    expect(ids(pruned)).toContain('r28');
  });

  it('skips runs without a package and runs already pruned', () => {
    const mixed: HistoryEntry[] = [{ ...runs[0], packagePath: undefined }, { ...runs[1], prunedAt: '2026-11-10T00:00:00Z' }, runs[2]];
    expect(ids(selectRunsToPrune(mixed, { keepRuns: 0 + 1 }, [], now))).toEqual([]);
    expect(ids(selectRunsToPrune([...mixed, runs[3]], { keepRuns: 1 }, [], now))).toEqual(['r03']);
  });
});

describe('applying retention', () => {
  it('deletes the selected packages, marks them pruned, and keeps the chain verifiable', async () => {
    const { mkdtemp, mkdir, writeFile, readdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { HistoryStore } = await import('../../src/history/history-store.ts');
    const { applyRetention } = await import('../../src/history/apply-retention.ts');
    const { packageManifestDigest } = await import('../../src/history/manifest-digest.ts');
    const { verifyHistory } = await import('../../src/history/verify-history.ts');
    const dir = await mkdtemp(join(tmpdir(), 'proofline-retention-'));
    const store = await HistoryStore.open(dir, TEST_HISTORY_KEY);
    try {
      for (const day of ['01', '02', '03', '04']) {
        const pkg = join(dir, 'packages', day);
        await mkdir(pkg, { recursive: true });
        await writeFile(join(pkg, 'manifest.json'), day);
        await store.recordRun({ id: `r${day}`, startedAt: `2026-11-${day}T02:00:00.000Z`, finishedAt: `2026-11-${day}T02:00:00.000Z`, status: 'succeeded', packagePath: pkg, manifestSha256: await packageManifestDigest(pkg) });
      }
      const pruned = await applyRetention(store, { keepRuns: 1 }, [{ name: 'open', from: '2026-11-03', to: '2027-01-31' }], now, join(dir, 'packages'));
      expect(pruned.map((p) => p.id)).toEqual(['r02', 'r01']);
      expect((await readdir(join(dir, 'packages'))).sort()).toEqual(['03', '04']);
      expect((await store.run('r01'))?.prunedAt).toBe(now.toISOString());
      expect(await verifyHistory(store)).toMatchObject({ ok: true, checkedPackages: 2 });
    } finally {
      await store.close();
    }
  });
});
