// Assembles RunResults from the catalog, the evaluation and the mapping.
import type { Catalog } from '../catalog/load-catalog.ts';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Evaluation } from '../evaluate/evaluate-controls.ts';
import { countFindings } from '../evaluate/control-status.ts';
import type { RequirementResults, RequirementStatus } from '../map/map-requirements.ts';
import { zeroStatusCounts } from '../map/requirement-status.ts';
import { attestControls } from '../map/attest-controls.ts';
import { CONTROL_OUTCOMES, type ControlOutcome } from '../map/control-outcome.ts';
import { inFrameworkOrder, type FrameworkId } from '../catalog/catalog-schema.ts';
import { buildScopeStatement } from './scope-statement.ts';
import { RESULTS_SCHEMA, RESULTS_SCHEMA_VERSION, type EvidenceEntry, type ManualEvidenceEntry, type RunMetadata, type RunResults } from './run-results.ts';

export function evidenceFile(id: string): string {
  return `evidence/records/${id}.json`;
}

export function evidenceEntry(r: EvidenceRecord): EvidenceEntry {
  const entry: EvidenceEntry = { id: r.id, key: r.key, account: r.account, region: r.region, outcome: r.outcome, collectedAt: r.collectedAt, sha256: r.sha256, file: evidenceFile(r.id) };
  if (r.requestId) entry.requestId = r.requestId;
  if (r.error) entry.error = r.error;
  return entry;
}

export function buildResults(run: RunMetadata, catalog: Catalog, evaluation: Evaluation, requirements: RequirementResults, records: readonly EvidenceRecord[], manualEvidence: readonly ManualEvidenceEntry[] = []): RunResults {
  // A run reports on its selected frameworks only: mappings into others are left out of its results.
  const selected = inFrameworkOrder(run.frameworks);
  const resultById = new Map(evaluation.controls.map((c) => [c.controlId, c]));
  const outcomes = attestControls(catalog.controls, evaluation.controls, manualEvidence);
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
  const evidence = records.map(evidenceEntry);
  return {
    schema: RESULTS_SCHEMA,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    run,
    summary: {
      findings: countFindings(evaluation.findings),
      controls: controlCounts,
      requirements: reqCounts,
      evidence: {
        records: evidence.length,
        ok: evidence.filter((e) => e.outcome === 'ok').length,
        notConfigured: evidence.filter((e) => e.outcome === 'not_configured').length,
        errors: evidence.filter((e) => e.outcome === 'error').length,
      },
    },
    scope: buildScopeStatement(catalog, records, evaluation.findings, selected),
    controls,
    findings: evaluation.findings,
    requirements,
    evidence,
  };
}
