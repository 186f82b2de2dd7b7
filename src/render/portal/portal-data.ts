// The auditor portal's data, as script files that assign to one global (file:// pages cannot fetch JSON).
// Findings and the evidence index are written in chunks of compact rows with repeated strings (control
// ids, accounts, regions, resource types, evidence keys) interned, so 100k findings stream out in
// bounded memory and load in the browser without one giant script. Row layouts are documented in
// docs/package.md and decoded by templates/portal/portal.js.
import { confinedPath } from '../../util/confined-path.ts';
import { DEFAULT_FRAMEWORKS, inFrameworkOrder } from '../../catalog/catalog-schema.ts';
import { findingId, type FindingStatus } from '../../evaluate/finding.ts';
import { evidenceFile } from '../../results/build-results.ts';
import type { EvidenceEntry, IterableResults, ResultFinding } from '../../results/run-results.ts';
import type { SignerDescription } from '../../sign/signing-identity.ts';
import { openTextStream, type TextStream } from '../../util/text-stream.ts';
import type { Rows } from '../../util/json-rows.ts';
import { buildScopeView } from '../view-model/scope-view.ts';
import { CONTROL_STATUS_LABELS, FINDING_STATUS_LABELS, FRAMEWORK_NAMES, FRAMEWORK_SHORT, REQUIREMENT_STATUS_LABELS, SEVERITY_LABELS } from '../view-model/labels.ts';

export const PORTAL_GLOBAL = 'PROOFLINE_PORTAL';
export const PORTAL_DATA_FORMAT = { format: 'proofline-portal', version: 1 } as const;
export const ROWS_PER_CHUNK = 5000;

export const FINDING_STATUS_CODES: readonly FindingStatus[] = ['pass', 'fail', 'unknown', 'not_applicable'];
export const EVIDENCE_OUTCOME_CODES: readonly EvidenceEntry['outcome'][] = ['ok', 'not_configured', 'error'];

/** Repeated strings as small integers, in order of first use. */
class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

export interface PortalTables {
  controlIds: Interner;
  accounts: Interner;
  regions: Interner;
  types: Interner;
  keys: Interner;
}

function newTables(results: IterableResults): PortalTables {
  const tables = { controlIds: new Interner(), accounts: new Interner(), regions: new Interner(), types: new Interner(), keys: new Interner() };
  for (const c of results.controls) tables.controlIds.of(c.id);
  for (const a of results.run.scope.accounts) tables.accounts.of(a);
  for (const r of results.run.scope.regions) tables.regions.of(r);
  return tables;
}

const KNOWN_FINDING_FIELDS = new Set(['id', 'controlId', 'status', 'resource', 'account', 'region', 'reason', 'evidence']);
const KNOWN_EVIDENCE_FIELDS = new Set(['id', 'key', 'account', 'region', 'outcome', 'collectedAt', 'requestId', 'sha256', 'file', 'error']);

/** Fields a row layout does not name (an exception today, whatever the results gain tomorrow), kept as an object. */
function extraFields(item: object, known: Set<string>): Record<string, unknown> | 0 {
  const extra = Object.entries(item).filter(([k]) => !known.has(k));
  return extra.length ? Object.fromEntries(extra) : 0;
}

/** [id|0 when derived, control, status, type, resource id, arn|0, account, region, reason, evidence (row numbers, or ids not in the index), extra|0] */
function findingRow(f: ResultFinding, t: PortalTables, evidenceRow: ReadonlyMap<string, number>): unknown[] {
  const derived = findingId(f.controlId, f.account, f.region, f.resource.id) === f.id;
  return [
    derived ? 0 : f.id,
    t.controlIds.of(f.controlId),
    FINDING_STATUS_CODES.indexOf(f.status),
    t.types.of(f.resource.type),
    f.resource.id,
    f.resource.arn ?? 0,
    t.accounts.of(f.account),
    t.regions.of(f.region),
    f.reason,
    f.evidence.map((id) => evidenceRow.get(id) ?? id),
    extraFields(f, KNOWN_FINDING_FIELDS),
  ];
}

/** [id, key, account, region, outcome, collectedAt, requestId|0, sha256, file|0 when the usual path, error|0, extra|0] */
function evidenceRow(e: EvidenceEntry, t: PortalTables): unknown[] {
  return [
    e.id,
    t.keys.of(e.key),
    t.accounts.of(e.account),
    t.regions.of(e.region),
    EVIDENCE_OUTCOME_CODES.indexOf(e.outcome),
    e.collectedAt,
    e.requestId ?? 0,
    e.sha256,
    e.file === evidenceFile(e.id) ? 0 : e.file,
    e.error ?? 0,
    extraFields(e, KNOWN_EVIDENCE_FIELDS),
  ];
}

/**
 * Writes `<prefix>-NNNN.js` files of ROWS_PER_CHUNK rows each, reading the items once in order; returns
 * their names. Each name goes to `onWritten` as its file is closed.
 */
async function writeRowChunks<T>(dir: string, prefix: string, property: string, items: Rows<T>, row: (item: T) => unknown[], onWritten: (name: string) => void): Promise<string[]> {
  const files: string[] = [];
  let out: TextStream | undefined;
  let inChunk = 0;
  const closeChunk = async (chunk: TextStream) => {
    await chunk.write('\n]);\n');
    await chunk.close();
    onWritten(files[files.length - 1]);
  };
  for (const item of items) {
    if (!out) {
      const name = `${prefix}-${String(files.length + 1).padStart(4, '0')}.js`;
      out = openTextStream(confinedPath(dir, name));
      files.push(name);
      inChunk = 0;
      await out.write(`${PORTAL_GLOBAL}.${property}.push([`);
    }
    await out.write(`${inChunk ? ',' : ''}\n${JSON.stringify(row(item))}`);
    if (++inChunk === ROWS_PER_CHUNK) {
      await closeChunk(out);
      out = undefined;
    }
  }
  if (out) await closeChunk(out);
  return files;
}

export interface PortalDataFiles {
  /** Script files in the order index.html must load them (the head first). */
  scripts: string[];
}

/**
 * Writes data/run.js (everything small: run, summary, controls, requirements, lookup tables, labels)
 * and the row chunks into `dataDir`. `evidenceChunkStarts` says where each evidence body chunk begins.
 * `onWritten` gets each file's name (relative to `dataDir`) once it is complete.
 */
export async function writePortalData(dataDir: string, results: IterableResults, signer: SignerDescription, evidenceChunkStarts: readonly number[], onWritten: (name: string) => void = () => {}): Promise<PortalDataFiles> {
  const tables = newTables(results);
  const evidenceRows = new Map<string, number>();
  let row = 0;
  for (const e of results.evidence) evidenceRows.set(e.id, row++);
  // Rows first, so that the tables they fill are complete when the head is written.
  const evidenceFiles = await writeRowChunks(dataDir, 'evidence', 'evidenceRows', results.evidence, (e) => evidenceRow(e, tables), onWritten);
  const findingFiles = await writeRowChunks(dataDir, 'findings', 'findingRows', results.findings, (f) => findingRow(f, tables, evidenceRows), onWritten);
  const { findings: _f, evidence: _e, ...rest } = results;
  const frameworks = inFrameworkOrder(results.run.frameworks.length ? results.run.frameworks : DEFAULT_FRAMEWORKS).filter((fw) => results.requirements[fw]);
  const head = {
    ...PORTAL_DATA_FORMAT,
    ...rest,
    frameworks: frameworks.map((id) => ({ id, name: FRAMEWORK_NAMES[id], short: FRAMEWORK_SHORT[id] })),
    signer,
    scopeView: buildScopeView(results),
    labels: { requirementStatus: REQUIREMENT_STATUS_LABELS, controlStatus: CONTROL_STATUS_LABELS, findingStatus: FINDING_STATUS_LABELS, severity: SEVERITY_LABELS },
    codes: { findingStatus: FINDING_STATUS_CODES, evidenceOutcome: EVIDENCE_OUTCOME_CODES },
    tables: { controlIds: tables.controlIds.values, accounts: tables.accounts.values, regions: tables.regions.values, types: tables.types.values, keys: tables.keys.values },
    counts: { findings: results.findings.length, evidence: results.evidence.length },
    evidenceChunkStarts,
    findingRows: [],
    evidenceRows: [],
  };
  const out = openTextStream(confinedPath(dataDir, 'run.js'));
  await out.write(`var ${PORTAL_GLOBAL} = ${JSON.stringify(head)};\n`);
  await out.close();
  onWritten('run.js');
  return { scripts: ['run.js', ...evidenceFiles, ...findingFiles].map((f) => `data/${f}`) };
}
