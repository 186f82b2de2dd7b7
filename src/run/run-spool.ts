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
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../collect/evidence-record.ts';
import { snapshotEntryOf, type StoredRecord, type StoredRecords } from '../collect/snapshot/stored-record.ts';
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

/** Rows appended to one file, a line each; where each is, kept per segment (an account's, or its control's). */
class SpoolFile {
  private offset = 0;
  private chunk = '';
  private readonly out: TextStream;

  constructor(readonly path: string) {
    this.out = openTextStream(path);
  }

  /** Appends one row to the segment (made on its first row); waits for the disk only when 1 MiB is buffered. */
  async push(seg: Segment | undefined, text: string, id: string): Promise<Segment> {
    if (!seg) seg = { starts: [], lengths: [], first: id, last: id };
    const bytes = Buffer.byteLength(text);
    seg.starts.push(this.offset);
    seg.lengths.push(bytes);
    seg.last = id;
    this.offset += bytes + 1;
    this.chunk += `${text}\n`;
    if (this.chunk.length > 1 << 20) await this.flush();
    return seg;
  }

  async flush(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = '';
    if (chunk) await this.out.write(chunk);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.out.close();
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
   * control's run contiguous). The arrays are handed over: their slots are emptied as each is written.
   * Calls are written one after another in the order made; each account once.
   */
  add(account: string, records: EvidenceRecord[], findings: ResultFinding[], controlOrder: ReadonlyMap<string, number>): Promise<void> {
    if (this.finished) throw new Error(`run spool: account ${account} came after the spool was finished`);
    if (this.accounts.has(account)) throw new Error(`run spool: account ${account} was stored twice`);
    // The order the whole run's results have, checked here within the account and by finish() between accounts.
    for (let i = 1; i < records.length; i++) if (!(records[i - 1].id < records[i].id)) throw new Error(`run spool: account ${account}'s records are not in id order at ${records[i].id}`);
    let previous: ResultFinding | undefined;
    for (const f of findings) {
      if (f.account !== account) throw new Error(`run spool: a finding of account ${f.account} (${f.id}) came with account ${account}'s evaluation`);
      const inOrder = !previous ? controlOrder.has(f.controlId) : f.controlId === previous.controlId ? previous.id.localeCompare(f.id) < 0 : controlOrder.has(f.controlId) && controlOrder.get(previous.controlId)! < controlOrder.get(f.controlId)!;
      if (!inOrder) throw new Error(`run spool: account ${account}'s findings are not in control and id order at ${f.id}`);
      previous = f;
    }
    const rows: AccountRows = { findings: new Map() };
    this.accounts.set(account, rows);
    // Each row is serialised as it is written and its record or finding let go (the arrays are handed
    // over): a large account's texts are never all in memory beside its records.
    const write = async () => {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        records[i] = undefined as never;
        // serializeRecord ends with a newline; the spool's rows are separated by one.
        rows.records = await this.recordsFile.push(rows.records, serializeRecord(unsealRecord(r)).slice(0, -1), r.id);
        rows.evidence = await this.evidenceFile.push(rows.evidence, JSON.stringify(evidenceEntry(r)), r.id);
      }
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i];
        findings[i] = undefined as never;
        rows.findings.set(f.controlId, await this.findingsFile.push(rows.findings.get(f.controlId), JSON.stringify(f), f.id));
      }
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
    const evidenceRows = new FileRows<EvidenceEntry>(this.evidenceFile.path, evidence.starts, evidence.lengths);
    return {
      findings: new FileRows<ResultFinding>(this.findingsFile.path, findings.starts, findings.lengths),
      evidence: evidenceRows,
      records: recordTexts(new FileRows<never>(this.recordsFile.path, records.starts, records.lengths), evidenceRows),
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
