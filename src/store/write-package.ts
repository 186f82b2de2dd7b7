// Writes a run's package folder. Everything is written into a temporary sibling folder and renamed
// into place only when complete, so a crash never leaves a half package that looks whole.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { writeSnapshot } from '../collect/snapshot/write-snapshot.ts';
import type { RunResults } from '../results/run-results.ts';
import { writeResultsJson } from '../render/results-json.ts';
import { packageName } from './package-name.ts';

export interface PackageContext {
  results: RunResults;
  records: EvidenceRecord[];
}

/** A stage that adds files to the package folder being built (renderers, signer). */
export type PackageStep = (dir: string, ctx: PackageContext) => Promise<void>;

export async function writePackage(outDir: string, ctx: PackageContext, steps: PackageStep[] = []): Promise<string> {
  const name = packageName(ctx.results.run.scope, new Date(ctx.results.run.startedAt));
  const final = resolve(outDir, name);
  if (await stat(final).then(() => true, () => false)) throw new Error(`${final}: a package with this name already exists`);
  const tmp = resolve(outDir, `.${name}.partial-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    // The evidence folder is itself a snapshot: `proofline run --source <package>/evidence` replays the run.
    await writeSnapshot(join(tmp, 'evidence'), ctx.records, ctx.results.run.scope, { createdAt: ctx.results.run.startedAt, description: `evidence of run ${ctx.results.run.id}` });
    await writeResultsJson(join(tmp, 'results.json'), ctx.results);
    for (const step of steps) await step(tmp, ctx);
    await rename(tmp, final);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return final;
}
