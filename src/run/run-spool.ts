// A run's bulk on disk, account by account as each is evaluated: its evidence records (the exact text a
// snapshot stores), their results.json entries and its findings. The run holds only where each row is,
// so memory does not grow with the number of accounts, and results.json, the evidence folder and the
// reports are written by copying rows back in the order the whole run's results have:
// - findings: in catalog control order, then by finding id (localeCompare), as evaluateControls sorts
//   them. Ids are `<control>:<account>:...`, so within a control they run account by account;
// - evidence entries and records: by record id (`<account>/...`, code-unit order): account by account.
// Both orders are checked where accounts meet: a rule that interleaved accounts would fail the run,
// never reorder it silently.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { snapshotEntryOf, storedRecord, type StoredRecord, type StoredRecords } from '../collect/snapshot/stored-record.ts';
import { openTextStream, type TextStream } from '../util/text-stream.ts';
import { evidenceEntry } from '../results/build-results.ts';
import type { EvidenceEntry, ResultFinding } from '../results/run-results.ts';
import { FileRows } from '../util/json-rows.ts';

/** Rows of one file: where each is and how long. */
interface Segment {
  starts: number[];
  lengths: number[];
  first: string;
  last: string;
}

class SpoolFile {
  private offset = 0;
  private readonly out: TextStream;

  constructor(readonly path: string) {
    this.out = openTextStream(path);
  }

  /** Appends the texts as rows (one per line); returns where each is. */
  async append(texts: readonly string[], ids: readonly string[]): Promise<Segment | undefined> {
    if (!texts.length) return undefined;
    const seg: Segment = { starts: [], lengths: [], first: ids[0], last: ids[ids.length - 1] };
    let chunk = '';
    for (const text of texts) {
      const bytes = Buffer.byteLength(text);
      seg.starts.push(this.offset);
      seg.lengths.push(bytes);
      this.offset += bytes + 1;
      chunk += text + '\n';
      if (chunk.length > 1 << 20) {
        await this.out.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await this.out.write(chunk);
    return seg;
  }

  close(): Promise<void> {
    return this.out.close();
  }
}

interface AccountRows {
  /** Per control id, the account's findings of that control. */
  findings: Map<string, Segment>;
  evidence?: Segment;
  records?: Segment;
}

/** What the spool holds once every account is in: rows in the whole run's order. */
export interface SpooledRows {
  findings: FileRows<ResultFinding>;
  evidence: FileRows<EvidenceEntry>;
  records: StoredRecords;
}

export class RunSpool {
  private readonly accounts = new Map<string, AccountRows>();
  private readonly findingsFile: SpoolFile;
  private readonly evidenceFile: SpoolFile;
  private readonly recordsFile: SpoolFile;
  private queue: Promise<void> = Promise.resolve();
  private finished = false;

  private constructor(readonly dir: string) {
    this.findingsFile = new SpoolFile(join(dir, 'findings.ndjson'));
    this.evidenceFile = new SpoolFile(join(dir, 'evidence.ndjson'));
    this.recordsFile = new SpoolFile(join(dir, 'records.texts'));
  }

  /**
   * A new spool folder inside `parent` (made here, removed by remove()), created as the package folder
   * would be: the spool needs about the space of results.json and the evidence folder, on the disk the
   * package goes to, not in a /tmp that may be memory.
   */
  static async create(parent: string): Promise<RunSpool> {
    await mkdir(parent, { recursive: true });
    return new RunSpool(await mkdtemp(join(parent, '.proofline-run-')));
  }

  /**
   * Stores one account's records (sorted by id) and findings (as evaluateControls orders them, each
   * control's run contiguous); the caller may drop both once this returns. Calls are written one after
   * another in the order made; each account once.
   */
  add(account: string, records: readonly EvidenceRecord[], findings: readonly ResultFinding[], controlOrder: ReadonlyMap<string, number>): Promise<void> {
    if (this.finished) throw new Error(`run spool: account ${account} came after the spool was finished`);
    if (this.accounts.has(account)) throw new Error(`run spool: account ${account} was stored twice`);
    const rows: AccountRows = { findings: new Map() };
    this.accounts.set(account, rows);
    // Serialised now, so the caller's objects can go as soon as it returns.
    const stored = records.map(storedRecord);
    const entries = records.map((r) => JSON.stringify(evidenceEntry(r)));
    const ids = records.map((r) => r.id);
    const byControl: { controlId: string; texts: string[]; ids: string[] }[] = [];
    for (const f of findings) {
      if (f.account !== account) throw new Error(`run spool: a finding of account ${f.account} (${f.id}) came with account ${account}'s evaluation`);
      let run = byControl[byControl.length - 1];
      if (run?.controlId !== f.controlId) {
        if (!controlOrder.has(f.controlId) || (run && controlOrder.get(run.controlId)! >= controlOrder.get(f.controlId)!)) throw new Error(`run spool: account ${account}'s findings are not in control order at ${f.id}`);
        byControl.push((run = { controlId: f.controlId, texts: [], ids: [] }));
      }
      run.texts.push(JSON.stringify(f));
      run.ids.push(f.id);
    }
    const write = async () => {
      rows.records = await this.recordsFile.append(stored.map((s) => s.text.replace(/\n$/, '')), ids);
      rows.evidence = await this.evidenceFile.append(entries, ids);
      for (const run of byControl) rows.findings.set(run.controlId, (await this.findingsFile.append(run.texts, run.ids))!);
    };
    return (this.queue = this.queue.then(write));
  }

  /** Closes the files and returns their rows in the whole run's order. */
  async finish(controlIds: readonly string[]): Promise<SpooledRows> {
    this.finished = true;
    await this.queue;
    await Promise.all([this.findingsFile.close(), this.evidenceFile.close(), this.recordsFile.close()]);
    const byCodeUnit = [...this.accounts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byLocale = [...this.accounts.keys()].sort((a, b) => a.localeCompare(b));
    const evidence = concat(byCodeUnit.map((a) => this.accounts.get(a)!.evidence), (a, b) => a < b, 'evidence records');
    const records = concat(byCodeUnit.map((a) => this.accounts.get(a)!.records), (a, b) => a < b, 'evidence records');
    const findings = concat(
      controlIds.flatMap((c) => byLocale.map((a) => this.accounts.get(a)!.findings.get(c))),
      (a, b) => a.localeCompare(b) < 0,
      'findings',
    );
    // The accounts' own segments are merged: only the merged positions stay.
    this.accounts.clear();
    return {
      findings: new FileRows<ResultFinding>(this.findingsFile.path, findings.starts, findings.lengths),
      evidence: new FileRows<EvidenceEntry>(this.evidenceFile.path, evidence.starts, evidence.lengths),
      records: recordTexts(new FileRows<never>(this.recordsFile.path, records.starts, records.lengths), new FileRows<EvidenceEntry>(this.evidenceFile.path, evidence.starts, evidence.lengths)),
    };
  }

  /** Removes the spool folder (only what create() made). */
  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

/** Segments joined in the order given; each must sort before the next, as the whole run's order requires. */
function concat(segments: (Segment | undefined)[], before: (a: string, b: string) => boolean, what: string): { starts: number[]; lengths: number[] } {
  const starts: number[] = [];
  const lengths: number[] = [];
  let last: string | undefined;
  for (const seg of segments) {
    if (!seg) continue;
    if (last !== undefined && !before(last, seg.first)) throw new Error(`run spool: ${what} of different accounts interleave (${last} and ${seg.first}); the accounts cannot be stored apart`);
    last = seg.last;
    for (let i = 0; i < seg.starts.length; i++) {
      starts.push(seg.starts[i]);
      lengths.push(seg.lengths[i]);
    }
  }
  return { starts, lengths };
}

/** The records' stored texts with their index entries (from the evidence entries, read alongside). */
function recordTexts(texts: FileRows<never>, entries: FileRows<EvidenceEntry>): StoredRecords {
  return {
    length: texts.length,
    *[Symbol.iterator](): Generator<StoredRecord> {
      const entry = entries[Symbol.iterator]();
      for (const text of texts.texts()) {
        const e = entry.next().value as EvidenceEntry;
        yield { entry: snapshotEntryOf(e), text: `${text}\n` };
      }
    },
  };
}
