// Assembles RunResults from the catalog, the evaluation and the mapping.
import type { Catalog } from '../catalog/load-catalog.ts';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Evaluation } from '../evaluate/evaluate-controls.ts';
import type { ControlResult } from '../evaluate/control-status.ts';
import { countFindings } from '../evaluate/control-status.ts';
import type { RequirementResults, RequirementStatus } from '../map/map-requirements.ts';
import { zeroStatusCounts } from '../map/requirement-status.ts';
import { attestControls } from '../map/attest-controls.ts';
import { CONTROL_OUTCOMES, type ControlOutcome } from '../map/control-outcome.ts';
import { inFrameworkOrder, type FrameworkId } from '../catalog/catalog-schema.ts';
import { buildScopeStatement } from './scope-statement.ts';
import { RunTally } from './run-tally.ts';
import { RESULTS_SCHEMA, RESULTS_SCHEMA_VERSION, type EvidenceEntry, type ManualEvidenceEntry, type ResultsHead, type RunMetadata, type RunResults } from './run-results.ts';

export function evidenceFile(id: string): string {
  return `evidence/records/${id}.json`;
}

export function evidenceEntry(r: EvidenceRecord): EvidenceEntry {
  const entry: EvidenceEntry = { id: r.id, key: r.key, account: r.account, region: r.region, outcome: r.outcome, collectedAt: r.collectedAt, sha256: r.sha256, file: evidenceFile(r.id) };
  if (r.requestId) entry.requestId = r.requestId;
  if (r.error) entry.error = r.error;
  return entry;
}

/** Results whose findings and evidence entries are the given arrays (a run held in memory). */
export function buildResults(run: RunMetadata, catalog: Catalog, evaluation: Evaluation, requirements: RequirementResults, records: readonly EvidenceRecord[], manualEvidence: readonly ManualEvidenceEntry[] = []): RunResults {
  const head = buildResultsHead(run, catalog, evaluation.controls, requirements, RunTally.of(records, evaluation.findings), manualEvidence);
  return { ...head, findings: evaluation.findings, evidence: records.map(evidenceEntry) };
}

/** Everything of the results but the findings and evidence entries: from the controls' results and the run's tally. */
export function buildResultsHead(run: RunMetadata, catalog: Catalog, controlResults: readonly ControlResult[], requirements: RequirementResults, tally: RunTally, manualEvidence: readonly ManualEvidenceEntry[] = []): ResultsHead {
  // A run reports on its selected frameworks only: mappings into others are left out of its results.
  const selected = inFrameworkOrder(run.frameworks);
  const resultById = new Map(controlResults.map((c) => [c.controlId, c]));
  const outcomes = attestControls(catalog.controls, controlResults, manualEvidence);
  const controls = catalog.controls.map((c) => {
    const r = resultById.get(c.id);
    return {
      id: c.id,
      title: c.title,
      severity: c.severity,
      automation: c.automation,
      services: c.services,
      practices: c.practices,
      check: c.check,
      rationale: c.rationale,
      remediation: c.remediation,
      status: outcomes.get(c.id)?.status ?? ('unknown' as ControlOutcome),
      counts: r?.counts ?? countFindings([]),
      mappings: c.mappings.filter((m) => selected.includes(m.framework)).map((m) => ({ framework: m.framework, requirement: m.requirement, strength: m.strength, justification: m.justification })),
      ...(outcomes.get(c.id)?.manualEvidence.length ? { manualEvidence: outcomes.get(c.id)!.manualEvidence } : {}),
    };
  });
  const controlCounts = Object.fromEntries(CONTROL_OUTCOMES.map((s) => [s, 0])) as Record<ControlOutcome, number>;
  for (const c of controls) controlCounts[c.status]++;
  const reqCounts: Partial<Record<FrameworkId, Record<RequirementStatus, number>>> = {};
  for (const fw of selected) {
    const counts = zeroStatusCounts();
    for (const r of requirements[fw] ?? []) counts[r.status]++;
    reqCounts[fw] = counts;
  }
  return {
    schema: RESULTS_SCHEMA,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    run,
    summary: {
      findings: { ...tally.findings },
      controls: controlCounts,
      requirements: reqCounts,
      evidence: { ...tally.evidence },
    },
    scope: buildScopeStatement(catalog, tally, selected),
    controls,
    requirements,
  };
}
