// What the results' head says of the whole run's evidence records and findings, counted as they pass:
// a run that stores each account's records and findings as it evaluates them (run/run-spool.ts) keeps
// only these, not the records and findings themselves.
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { countFindings, type StatusCounts } from '../evaluate/control-status.ts';
import type { Finding } from '../evaluate/finding.ts';

export class RunTally {
  readonly findings: StatusCounts = countFindings([]);
  readonly evidence: { records: number; ok: number; notConfigured: number; errors: number } = { records: 0, ok: 0, notConfigured: 0, errors: 0 };
  /** Per service, the operations the run holds evidence from. */
  readonly operations = new Map<string, Set<string>>();
  /** The resource types the findings judge. */
  readonly resourceTypes = new Set<string>();
  private from?: string;
  private to?: string;

  static of(records: Iterable<Pick<EvidenceRecord, 'service' | 'operation' | 'outcome' | 'collectedAt'>>, findings: Iterable<Pick<Finding, 'status' | 'resource'>>): RunTally {
    const tally = new RunTally();
    for (const r of records) tally.addRecord(r);
    for (const f of findings) tally.addFinding(f);
    return tally;
  }

  addRecord(r: Pick<EvidenceRecord, 'service' | 'operation' | 'outcome' | 'collectedAt'>): void {
    let ops = this.operations.get(r.service);
    if (!ops) this.operations.set(r.service, (ops = new Set()));
    ops.add(r.operation);
    this.evidence.records++;
    if (r.outcome === 'ok') this.evidence.ok++;
    else if (r.outcome === 'not_configured') this.evidence.notConfigured++;
    else if (r.outcome === 'error') this.evidence.errors++;
    if (this.from === undefined || r.collectedAt < this.from) this.from = r.collectedAt;
    if (this.to === undefined || r.collectedAt > this.to) this.to = r.collectedAt;
  }

  addFinding(f: Pick<Finding, 'status' | 'resource'>): void {
    this.findings[f.status]++;
    this.resourceTypes.add(f.resource.type);
  }

  /** Earliest and latest collection time of the records (a replay: when they were recorded); none without records. */
  get window(): { from: string; to: string } | undefined {
    return this.from === undefined || this.to === undefined ? undefined : { from: this.from, to: this.to };
  }
}
