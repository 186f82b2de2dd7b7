// Writes a run's package folder. Everything is written into a temporary sibling folder and renamed
// into place only when complete, so a crash never leaves a half package that looks whole.
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { writeSnapshot } from '../collect/snapshot/write-snapshot.ts';
import type { RunResults } from '../results/run-results.ts';
import { writeResultsJson } from '../render/results-json.ts';
import { confinedPath } from '../util/confined-path.ts';
import { writeFolderAtomically } from '../util/write-folder-atomically.ts';
import { packageName } from './package-name.ts';
import { zipFolder } from './zip-package.ts';

export interface PackageContext {
  results: RunResults;
  /**
   * The run's evidence records. writePackage takes them: once the evidence folder is written it empties
   * this field, so the records can be collected while the reports render (steps read evidence/ instead).
   * A caller that wants the memory back keeps no reference of its own.
   */
  records: EvidenceRecord[];
}

/** A stage that adds files to the package folder being built (renderers, signer). */
export type PackageStep = (dir: string, ctx: PackageContext) => Promise<void>;

export interface WritePackageOptions {
  /** Also write <name>.zip next to the folder (same files). */
  zip?: boolean;
  /**
   * Called with the complete package (temporary folder) and the path it is about to be renamed to: the
   * run history records the run here, so a package never lands without its history row. If it throws,
   * the package is removed and nothing lands.
   */
  beforePublish?: (tmpDir: string, finalDir: string) => Promise<void>;
}

export async function writePackage(outDir: string, ctx: PackageContext, steps: PackageStep[] = [], opts: WritePackageOptions = {}): Promise<string> {
  const name = packageName(ctx.results.run.scope, new Date(ctx.results.run.startedAt), ctx.results.run.id);
  const fill = async (tmp: string) => {
    // The evidence folder is itself a snapshot: `proofline run --source <package>/evidence` replays the run.
    await writeSnapshot(confinedPath(tmp, 'evidence'), ctx.records, ctx.results.run.scope, { createdAt: ctx.results.run.startedAt, description: `evidence of run ${ctx.results.run.id}` });
    ctx.records = [];
    await writeResultsJson(confinedPath(tmp, 'results.json'), ctx.results);
    for (const step of steps) await step(tmp, ctx);
    // The zip is complete before either is renamed: readers never see a folder without its zip.
    if (opts.zip) await zipFolder(tmp, name, `${tmp}.zip`);
  };
  return writeFolderAtomically(outDir, name, fill, { what: 'package', siblings: opts.zip ? ['.zip'] : [], beforePublish: opts.beforePublish });
}
