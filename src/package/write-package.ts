// Writes a run's package folder. Everything is written into a temporary sibling folder and renamed
// into place only when complete, so a crash never leaves a half package that looks whole.
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { SNAPSHOT_INDEX } from '../collect/snapshot/snapshot-format.ts';
import type { StoredRecords } from '../collect/snapshot/stored-record.ts';
import { writeSnapshot } from '../collect/snapshot/write-snapshot.ts';
import type { IterableResults, RunResults } from '../results/run-results.ts';
import { writeResultsJson } from '../render/results-json.ts';
import { confinedPath } from '../util/confined-path.ts';
import { FileRows } from '../util/json-rows.ts';
import { writeFolderAtomically } from '../util/write-folder-atomically.ts';
import { packageName } from './package-name.ts';
import { PackageZip } from './zip-package.ts';
import { WrittenFiles } from './written-files.ts';

const EVIDENCE_DIR = 'evidence';
export const RESULTS_FILE = 'results.json';

export interface PackageContext {
  /**
   * The run's results. writePackage takes their findings and evidence entries as it takes the records:
   * once results.json is written, this field is replaced by results whose findings and evidence are
   * results.json's rows, read from the package as each step iterates them (util/json-rows.ts), so the
   * arrays can be collected while the reports render. A caller that needs the arrays afterwards keeps
   * its own reference to them (and their memory). Once writePackage returns, these rows are read from
   * the published package's results.json.
   */
  results: IterableResults;
  /**
   * The run's evidence records: in memory, or as stored (a run's spool, in results.json's evidence order).
   * writePackage takes them: it empties an array's slots as it writes each record and then this field, so
   * the records can be collected as they are written and while the reports render. A caller that needs
   * them afterwards hands over a copy of the array.
   */
  records: EvidenceRecord[] | StoredRecords;
  /** Files the package wrote from bytes it held, with their digests (set by writePackage). */
  written?: WrittenFiles;
}

/** What writePackage is handed: the context, with the results' findings and evidence entries in memory or in a spool. */
export type PackageInput = PackageContext;

/** Receives each evidence record's stored text, in results.evidence order, while the evidence folder is written. */
export interface EvidenceSink {
  add(text: string): Promise<void>;
  finish(): Promise<void>;
}

/**
 * A stage that adds files to the package folder being built (renderers, signer). A step that embeds the
 * evidence records' texts (the portal) declares `evidence`: it gets them as they are written, instead
 * of reading tens of thousands of files back.
 */
export type PackageStep = ((dir: string, ctx: PackageContext) => Promise<void>) & { evidence?: (files: WrittenFiles) => EvidenceSink };

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

export async function writePackage(outDir: string, ctx: PackageInput, steps: PackageStep[] = [], opts: WritePackageOptions = {}): Promise<string> {
  const name = packageName(ctx.results.run.scope, new Date(ctx.results.run.startedAt), ctx.results.run.id);
  const fill = async (tmp: string) => {
    // Started first: the evidence records go in as they are written. Complete before either is renamed.
    const zip = opts.zip ? await PackageZip.create(`${tmp}.zip`, name) : undefined;
    try {
      const files = new WrittenFiles(tmp, zip);
      ctx.written = files;
      // A run's stored records are in its entries' order by construction (run/run-spool.ts).
      const records = Array.isArray(ctx.records) ? inEntryOrder(ctx.records as EvidenceRecord[], ctx.results.evidence) : ctx.records;
      ctx.records = [];
      // results.json first: from here on the steps read the findings and evidence entries from it, and
      // the arrays are garbage before the evidence records (the other large input) are written and released.
      const taken: PackageContext = ctx;
      taken.results = rows = await writeResults(tmp, ctx.results);
      await writeEvidence(tmp, taken, records, files, steps.flatMap((s) => (s.evidence ? [s.evidence(files)] : [])));
      // Into the zip while the steps render (queued behind the evidence entries, which came first).
      files.completed(RESULTS_FILE);
      files.completed(`${EVIDENCE_DIR}/${SNAPSHOT_INDEX}`);
      for (const step of steps) await step(tmp, taken);
      await files.settled();
      await zip?.finish(tmp);
    } catch (err) {
      await zip?.abandon();
      throw err;
    }
  };
  let rows: ResultsRows | undefined;
  const published = await writeFolderAtomically(outDir, name, fill, { what: 'package', siblings: opts.zip ? ['.zip'] : [], beforePublish: opts.beforePublish });
  // The temporary folder is now the published package: its rows are read from there.
  const path = confinedPath(published, RESULTS_FILE);
  if (rows) (ctx as PackageContext).results = { ...rows, findings: rows.findings.inFile(path), evidence: rows.evidence.inFile(path) };
  return published;
}

/** The results the steps read: results.json's head, its findings and evidence entries as rows of the file. */
type ResultsRows = Omit<IterableResults, 'findings' | 'evidence'> & { findings: FileRows<RunResults['findings'][number]>; evidence: FileRows<RunResults['evidence'][number]> };

/** results.json, and the results the steps read: its findings and evidence entries as rows of the file. */
async function writeResults(tmp: string, results: IterableResults): Promise<ResultsRows> {
  const path = confinedPath(tmp, RESULTS_FILE);
  const rows = await writeResultsJson(path, results);
  const { findings: _findings, evidence: _evidence, ...head } = results;
  return { ...head, findings: FileRows.of(path, rows.findings), evidence: FileRows.of(path, rows.evidence) };
}

/**
 * The evidence folder, itself a snapshot: `proofline run --source <package>/evidence` replays the run.
 * Each record's bytes are noted (digest, zip entry) and handed to the sinks as they are written; the
 * records (in results.json's evidence order, then any it does not list) are released as they are written.
 */
async function writeEvidence(tmp: string, ctx: PackageContext, records: EvidenceRecord[] | StoredRecords, files: WrittenFiles, sinks: EvidenceSink[]): Promise<void> {
  const entries = ctx.results.evidence.length;
  // Each record is the entry results.json lists at its place: the package never cites what it does not hold.
  const listed = ctx.results.evidence[Symbol.iterator]();
  let next = 0;
  await writeSnapshot(confinedPath(tmp, EVIDENCE_DIR), records, ctx.results.run.scope, {
    createdAt: ctx.results.run.startedAt,
    description: `evidence of run ${ctx.results.run.id}`,
    release: true,
    onRecord: (file, bytes, record, text) => {
      if (next < entries) {
        const entry = listed.next().value;
        if (entry?.id !== record.id || entry.sha256 !== record.sha256) return Promise.reject(new Error(`package: evidence record ${record.id} is not results.json's evidence entry ${next} (${entry?.id})`));
      }
      const taken = [files.noted(`${EVIDENCE_DIR}/${file}`, bytes, record.sha256)];
      if (next < entries) {
        next++;
        for (const sink of sinks) taken.push(sink.add(text));
      }
      return Promise.all(taken).then(() => undefined);
    },
  });
  for (const sink of sinks) await sink.finish();
}

/**
 * The records in the order of results.json's evidence entries (the sinks index them so), records no
 * entry lists after them. An entry without its record is an error: the package would cite what it
 * does not hold.
 */
function inEntryOrder(records: EvidenceRecord[], rows: IterableResults['evidence']): EvidenceRecord[] {
  const entries = Array.isArray(rows) ? (rows as RunResults['evidence']) : [...rows];
  if (entries.every((e, i) => records[i]?.id === e.id)) return records;
  const position = new Map(entries.map((e, i) => [e.id, i]));
  const ordered = [...records].sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity));
  records.length = 0;
  const missing = entries.find((e, i) => ordered[i]?.id !== e.id);
  if (missing) throw new Error(`package: evidence record ${missing.id} is listed in results.json but was not collected`);
  return ordered;
}
