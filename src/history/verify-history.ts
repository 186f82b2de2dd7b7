// `verify --history`: walks the chain and reports every removed, altered or missing run.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { entryDigest, type HistoryEntry } from './history-entry.ts';
import type { HistoryStore } from './history-store.ts';
import { packageManifestDigest } from './manifest-digest.ts';

export interface HistoryProblem {
  seq: number;
  runId?: string;
  problem: string;
}

export interface HistoryVerification {
  ok: boolean;
  runs: number;
  checkedPackages: number;
  problems: HistoryProblem[];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

async function manifestPredecessor(packageDir: string): Promise<string | undefined> {
  try {
    const m = JSON.parse(await readFile(join(packageDir, 'manifest.json'), 'utf8')) as { previousManifestSha256?: unknown; run?: { previousManifestSha256?: unknown } };
    const v = m.previousManifestSha256 ?? m.run?.previousManifestSha256;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyHistory(store: HistoryStore): Promise<HistoryVerification> {
  const entries = store.runs();
  const problems: HistoryProblem[] = [];
  let previous: HistoryEntry | undefined;
  let lastManifest: string | undefined;
  let checkedPackages = 0;
  for (const e of entries) {
    const at = { seq: e.seq, runId: e.id };
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) problems.push({ ...at, problem: `run(s) ${expectedSeq}..${e.seq - 1} were removed from the history` });
    if ((e.previousEntrySha256 ?? undefined) !== previous?.entrySha256) problems.push({ ...at, problem: 'chain broken: the recorded previous entry digest does not match the run before it' });
    const { entrySha256, prunedAt: _pruned, ...fields } = e;
    if (entryDigest(fields) !== entrySha256) problems.push({ ...at, problem: 'entry altered: its digest does not match its content' });
    try {
      store.results(e.id);
    } catch (err) {
      problems.push({ ...at, problem: (err as Error).message });
    }
    if (e.status === 'succeeded') {
      if (e.previousManifestSha256 !== lastManifest) problems.push({ ...at, problem: `manifest chain broken: names ${e.previousManifestSha256 ?? 'no predecessor'}, the previous succeeded run's manifest is ${lastManifest ?? 'none'}` });
      if (e.packagePath && !e.prunedAt) {
        if (!(await exists(e.packagePath))) problems.push({ ...at, problem: `package ${e.packagePath} is missing (and was not removed by retention)` });
        else {
          checkedPackages++;
          const digest = await packageManifestDigest(e.packagePath);
          if (digest !== e.manifestSha256) problems.push({ ...at, problem: `package ${e.packagePath}: manifest digest ${digest ?? '(none)'} differs from the recorded ${e.manifestSha256 ?? '(none)'}` });
          const named = await manifestPredecessor(e.packagePath);
          if (named !== undefined && named !== e.previousManifestSha256) problems.push({ ...at, problem: `package ${e.packagePath}: its manifest names predecessor ${named}, the history says ${e.previousManifestSha256 ?? 'none'}` });
        }
      }
      if (e.manifestSha256) lastManifest = e.manifestSha256;
    }
    previous = e;
  }
  return { ok: problems.length === 0, runs: entries.length, checkedPackages, problems };
}
