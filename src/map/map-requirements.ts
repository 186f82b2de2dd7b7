// findings x catalog x attested evidence -> per framework requirement status, with every mapped control,
// its strength and justification (src/map/requirement-status.ts decides).
import type { Catalog } from '../catalog/load-catalog.ts';
import { inFrameworkOrder, type Coverage, type FrameworkId, type MappingStrength } from '../catalog/catalog-schema.ts';
import type { ControlResult } from '../evaluate/control-status.ts';
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';
import { attestControls } from './attest-controls.ts';
import type { ControlOutcome } from './control-outcome.ts';
import { describeEvidence, evidenceState } from './evidence-state.ts';
import { rollUpRequirement, type RequirementStatus } from './requirement-status.ts';

export type { RequirementStatus };

export interface RequirementResult {
  id: string;
  title: string;
  kind?: string;
  coverage: Coverage;
  status: RequirementStatus;
  reason: string;
  /** Primary controls that pass (or are attested) out of all primary controls: shown next to the status. */
  primaryPassed: number;
  primaryTotal: number;
  controls: { id: string; status: ControlOutcome; strength: MappingStrength; justification: string }[];
  /** inherited: the provider documents relied on and whether they are attached. */
  providerEvidence?: { name: string; attached: boolean }[];
  /** Failing findings of the mapped controls accepted as risk by an active exception. */
  acceptedRisk?: number;
  /** Ids of the attested manual evidence naming this requirement (supplied for review). */
  manualEvidence?: string[];
}

/** The selected frameworks' requirement results (a framework not selected has no entry). */
export type RequirementResults = Partial<Record<FrameworkId, RequirementResult[]>>;

const STRENGTH_ORDER: Record<MappingStrength, number> = { primary: 0, supporting: 1 };

export function mapRequirements(catalog: Catalog, controlResults: readonly ControlResult[], frameworks: readonly FrameworkId[], evidence: readonly ManualEvidenceEntry[] = []): RequirementResults {
  const outcomes = attestControls(catalog.controls, controlResults, evidence);
  const out = {} as RequirementResults;
  for (const fw of inFrameworkOrder(frameworks)) {
    out[fw] = catalog.frameworks[fw].requirements.map((req) => {
      const controls = catalog.controls
        .flatMap((c) =>
          c.mappings
            .filter((m) => m.framework === fw && m.requirement === req.id)
            .map((m) => ({ id: c.id, status: outcomes.get(c.id)?.status ?? ('unknown' as ControlOutcome), strength: m.strength, justification: m.justification })),
        )
        .sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || a.id.localeCompare(b.id));
      const attached = evidence.filter((e) => e.requirements.some((r) => r.framework === fw && r.requirement === req.id));
      const provider = (req.providerEvidence ?? []).map((name) => ({ name, state: evidenceState(evidence.filter((e) => e.providerEvidence.includes(name))) }));
      const rolled = rollUpRequirement({
        coverage: req.coverage,
        ...(req.reason ? { reason: req.reason } : {}),
        controls,
        attestation: evidenceState(attached),
        ...(attached.length ? { attestationText: describeEvidence(attached) } : {}),
        providerEvidence: provider,
      });
      return {
        id: req.id,
        title: req.title,
        ...(req.kind ? { kind: req.kind } : {}),
        coverage: req.coverage,
        status: rolled.status,
        reason: rolled.reason,
        primaryPassed: rolled.primaryPassed,
        primaryTotal: rolled.primaryTotal,
        controls,
        ...(provider.length ? { providerEvidence: provider.map((p) => ({ name: p.name, attached: p.state === 'current' })) } : {}),
        ...(attached.length ? { manualEvidence: attached.map((e) => e.id) } : {}),
      };
    });
  }
  return out;
}
