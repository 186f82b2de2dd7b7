// What a run's tracker inherits from the previous one: the team's columns for findings still open
// (matched by finding id), and the findings fixed since, moved to Resolved with the run that fixed
// them. "Previously open" is the previous tracker's Gaps rows and, when the history has it, the
// previous run's failing and unknown findings; a Resolved row stays until its finding opens again.
import type { ControlEntry, IterableResults, ResultFinding } from '../../results/run-results.ts';
import { hasTeamValues, type CarriedValue, type TeamValues } from './team-columns.ts';
import type { PreviousTracker, TrackedRow } from './read-tracker.ts';

/** The previous run's open findings (from the run history), for runs whose tracker file is gone or partial. */
export interface PreviousFindings {
  open: readonly ResultFinding[];
  controls: readonly Pick<ControlEntry, 'id' | 'title' | 'severity'>[];
}

export interface TrackerInputs {
  previous?: PreviousTracker;
  previousFindings?: PreviousFindings;
  /** Why nothing was carried (e.g. the previous workbook was unreadable), for the Summary sheet. */
  note?: string;
}

export interface ResolvedRow extends TrackedRow {
  resolved: { run: string; at: CarriedValue; how: string };
}

export interface TrackerView {
  /** The workbook the team columns came from. */
  source?: string;
  note?: string;
  /** Team values of the run's open findings, by finding id. */
  team: Map<string, TeamValues>;
  /** Fixed in this run first, then those fixed earlier. */
  resolved: ResolvedRow[];
  /** Team values of PBC requests, by request id. */
  pbc: Map<string, TeamValues>;
}

/** The Gaps key of a control that produced no finding at all (fail closed: it is a gap too). */
export function notEvaluatedId(controlId: string): string {
  return `${controlId}:(not evaluated)`;
}

/** Ids of every Gaps row of the run: open findings and controls that produced no finding. */
export function openGapIds(results: Pick<IterableResults, 'findings' | 'controls'>): Set<string> {
  const ids = new Set<string>();
  for (const f of results.findings) if (f.status === 'fail' || f.status === 'unknown') ids.add(f.id);
  for (const c of results.controls) if (c.status === 'unknown' && c.counts.fail + c.counts.unknown === 0) ids.add(notEvaluatedId(c.id));
  return ids;
}

function rowOfFinding(f: ResultFinding, controls: ReadonlyMap<string, Pick<ControlEntry, 'title' | 'severity'>>): TrackedRow {
  const c = controls.get(f.controlId);
  return {
    id: f.id,
    cells: { Control: f.controlId, Title: c?.title ?? null, Severity: c?.severity ?? null, Account: f.account, Region: f.region, 'Resource type': f.resource.type, Resource: f.resource.arn ?? f.resource.id, 'First seen': f.firstSeen ?? null },
    team: {},
  };
}

function resolution(id: string, status: string | undefined): string {
  if (id.endsWith(notEvaluatedId(''))) return 'Evaluated in this run';
  if (status === 'pass') return 'Passes in this run';
  if (status === 'not_applicable') return 'Not applicable in this run (nothing left to check)';
  return 'No longer found in this run (resource removed, or no longer in scope)';
}

export function carryOver(results: Pick<IterableResults, 'run' | 'findings' | 'controls'>, inputs: TrackerInputs = {}): TrackerView {
  const { previous, previousFindings } = inputs;
  // The run's open gaps matter only against something carried over; without, no pass over the findings.
  const open = previous || previousFindings ? openGapIds(results) : new Set<string>();
  const view: TrackerView = { team: new Map(), resolved: [], pbc: previous?.pbc ?? new Map(), ...(previous ? { source: previous.file } : {}), ...(inputs.note ? { note: inputs.note } : {}) };
  // Previously open: the tracker's rows (with the team's values) over the history's findings.
  const before = new Map<string, TrackedRow>();
  if (previousFindings) {
    const controls = new Map(previousFindings.controls.map((c) => [c.id, c]));
    for (const f of previousFindings.open) before.set(f.id, rowOfFinding(f, controls));
  }
  for (const [id, row] of previous?.gaps ?? []) before.set(id, { ...row, cells: { ...before.get(id)?.cells, ...row.cells } });
  // A finding that opens again takes back the team's values from its Resolved row.
  for (const [id, row] of previous?.resolved ?? []) if (open.has(id) && hasTeamValues(row.team)) view.team.set(id, row.team);
  for (const [id, row] of before) if (open.has(id) && hasTeamValues(row.team)) view.team.set(id, row.team);

  const fixed = [...before.keys()].filter((id) => !open.has(id));
  // This run's status of each finding fixed since (one pass over the findings; only those are kept).
  const status = new Map<string, string>();
  const wanted = new Set(fixed);
  if (wanted.size) for (const f of results.findings) if (wanted.has(f.id)) status.set(f.id, f.status);
  const at = results.run.startedAt;
  for (const id of fixed) view.resolved.push({ ...before.get(id)!, resolved: { run: results.run.id, at, how: resolution(id, status.get(id)) } });
  for (const [id, row] of previous?.resolved ?? []) {
    if (open.has(id) || before.has(id) || !row.resolved) continue;
    view.resolved.push(row as ResolvedRow);
  }
  return view;
}
