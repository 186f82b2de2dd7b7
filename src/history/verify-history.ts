// `verify --history`: walks the keyed chain and reports every removed, altered, re-chained or missing
// run, every missing results row, every package gone without a keyed pruning record.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../results/run-results.ts';
import { entryDigest, type HistoryEntry } from './history-entry.ts';
import { entryMac, headMac, prunedMac, sameMac } from './history-mac.ts';
import { packageManifestDigest } from './manifest-digest.ts';
import type { ChainState } from './rekey-history.ts';

/** What verification reads: any history backend that keeps the keyed chain provides it. */
export interface KeyedHistoryReader {
  readonly key: Buffer;
  runs(): Promise<HistoryEntry[]>;
  /** Rejects when the stored results do not match the digest in their entry. */
  results(id: string): Promise<RunResults | undefined>;
  hasResults(id: string): Promise<boolean>;
  chainState(): Promise<ChainState>;
}

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
  /** Not failures: e.g. that early runs were keyed by a migration. */
  notes: string[];
}

/** Problems of the chain as a whole: key, head, migration. */
function chainProblems(state: ChainState, entries: readonly HistoryEntry[], key: Buffer): { problems: HistoryProblem[]; notes: string[]; keyUsable: boolean } {
  const problems: HistoryProblem[] = [];
  const notes: string[] = [];
  if (state.storedKeyId !== state.keyId) {
    problems.push({ seq: 0, problem: `the history is keyed with key id ${state.storedKeyId ?? '(none)'}, this installation's history key is ${state.keyId}: its MACs cannot be checked here (use the history.key file of the installation that keeps it)` });
    return { problems, notes, keyUsable: false };
  }
  const last = entries.at(-1);
  const head = state.head;
  if (!head) {
    if (last) problems.push({ seq: last.seq, problem: 'the keyed head of the history is missing' });
  } else {
    if (!sameMac(head.mac, headMac(key, head.seq, head.entryMac))) problems.push({ seq: head.seq, problem: 'the keyed head of the history was altered' });
    else if (!last || last.seq !== head.seq || last.entryMac !== head.entryMac) problems.push({ seq: head.seq, problem: `the history ends at run #${last?.seq ?? 0}, its keyed head says run #${head.seq}: the newest runs were removed or replaced` });
  }
  const m = state.migration;
  if (m) {
    notes.push(`runs 1..${m.keyedRuns} were keyed on ${m.at} when this history moved from schema ${m.fromSchemaVersion} to the keyed chain; before that, only its unkeyed SHA-256 chain protected them`);
    if (m.unkeyedProblems.length) problems.push({ seq: 0, problem: `the unkeyed chain did not hold when it was keyed on ${m.at}: ${m.unkeyedProblems.join('; ')}` });
  }
  return { problems, notes, keyUsable: true };
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

export async function verifyHistory(store: KeyedHistoryReader): Promise<HistoryVerification> {
  const entries = await store.runs();
  const { problems, notes, keyUsable } = chainProblems(await store.chainState(), entries, store.key);
  let previous: HistoryEntry | undefined;
  let lastManifest: string | undefined;
  let checkedPackages = 0;
  for (const e of entries) {
    const at = { seq: e.seq, runId: e.id };
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) problems.push({ ...at, problem: `run(s) ${expectedSeq}..${e.seq - 1} were removed from the history` });
    if ((e.previousEntrySha256 ?? undefined) !== previous?.entrySha256) problems.push({ ...at, problem: 'chain broken: the recorded previous entry digest does not match the run before it' });
    const { entrySha256, entryMac: _mac, prunedAt: _pruned, prunedMac: _prunedMac, ...fields } = e;
    if (entryDigest(fields) !== entrySha256) problems.push({ ...at, problem: 'entry altered: its digest does not match its content' });
    if (keyUsable) {
      if (!sameMac(e.entryMac, entryMac(store.key, e, previous?.entryMac))) problems.push({ ...at, problem: "entry MAC does not verify: the entry was edited, inserted or re-chained without this installation's history key" });
      if (e.prunedAt !== undefined && !(e.entryMac && sameMac(e.prunedMac, prunedMac(store.key, { id: e.id, entryMac: e.entryMac }, e.prunedAt)))) problems.push({ ...at, problem: `marked pruned at ${e.prunedAt} without a keyed pruning record (retention did not write it)` });
      if (e.prunedAt === undefined && e.prunedMac !== undefined) problems.push({ ...at, problem: 'its keyed pruning record lost its time (pruned_at cleared)' });
    }
    if (e.resultsSha256 && !(await store.hasResults(e.id))) problems.push({ ...at, problem: 'its stored results were removed from the history (run_results row missing)' });
    try {
      await store.results(e.id);
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
  return { ok: problems.length === 0, runs: entries.length, checkedPackages, problems, notes };
}
