// What each control's section lists (its failing and unknown findings, the evidence they cite) and the
// evidence appendix's order, as positions in the run's rows: the view model picks them from the results
// (in a package, rows of results.json read as they are drawn) instead of holding them. One pass over the
// evidence entries and one over the findings; only positions and sort keys are kept while it runs.
import type { Finding } from '../../evaluate/finding.ts';
import type { EvidenceEntry, IterableResults, ResultFinding } from '../../results/run-results.ts';
import { pickRows, type Rows } from '../../util/json-rows.ts';

export interface ControlRows {
  /** Failing findings by account, region and resource id. */
  failing: Rows<ResultFinding>;
  unknown: Rows<ResultFinding>;
  /** Evidence entries the control's findings cite, by file. */
  evidence: Rows<EvidenceEntry>;
}

export interface RowsByControl {
  of(controlId: string): ControlRows;
  /** Every evidence entry, by file. */
  evidenceByFile: Rows<EvidenceEntry>;
}

interface Listed {
  at: number;
  account: string;
  region: string;
  resource: string;
}

function byResource(a: Listed, b: Listed): number {
  return a.account.localeCompare(b.account) || a.region.localeCompare(b.region) || a.resource.localeCompare(b.resource);
}

function listed(f: Finding, at: number): Listed {
  return { at, account: f.account, region: f.region, resource: f.resource.id };
}

export function rowsByControl(results: IterableResults): RowsByControl {
  // Evidence: each id's position (the last entry of an id wins, as a Map built from the entries would)
  // and each position's rank in file order (a stable sort, as the entries sorted by file).
  const positionOf = new Map<string, number>();
  const files: string[] = [];
  for (const e of results.evidence) {
    positionOf.set(e.id, files.length);
    files.push(e.file);
  }
  const byFile = files.map((_, i) => i).sort((a, b) => files[a].localeCompare(files[b]));
  const rank = new Uint32Array(files.length);
  byFile.forEach((position, r) => (rank[position] = r));

  const failing = new Map<string, Listed[]>();
  const unknown = new Map<string, Listed[]>();
  const cited = new Map<string, Set<number>>();
  let at = 0;
  for (const f of results.findings) {
    if (f.status === 'fail' || f.status === 'unknown') {
      const bucket = f.status === 'fail' ? failing : unknown;
      let list = bucket.get(f.controlId);
      if (!list) bucket.set(f.controlId, (list = []));
      list.push(listed(f, at));
    }
    let set = cited.get(f.controlId);
    if (!set) cited.set(f.controlId, (set = new Set()));
    for (const id of f.evidence) {
      const position = positionOf.get(id);
      if (position !== undefined) set.add(position);
    }
    at++;
  }

  const picked = (list: Listed[] | undefined) => pickRows(results.findings, (list ?? []).sort(byResource).map((l) => l.at));
  return {
    of: (controlId) => ({
      failing: picked(failing.get(controlId)),
      unknown: picked(unknown.get(controlId)),
      evidence: pickRows(results.evidence, [...(cited.get(controlId) ?? [])].sort((a, b) => rank[a] - rank[b])),
    }),
    evidenceByFile: pickRows(results.evidence, byFile),
  };
}
