// findings x catalog -> per framework requirement status, with the controls behind each.
import type { Catalog } from '../catalog/load-catalog.ts';
import { FRAMEWORK_IDS, type Coverage, type FrameworkId, type MappingStrength } from '../catalog/catalog-schema.ts';
import type { ControlResult } from '../evaluate/evaluate-controls.ts';
import type { ControlStatus } from '../evaluate/control-status.ts';
import { requirementStatus, type RequirementStatus } from './requirement-status.ts';

export type { RequirementStatus };

export interface RequirementResult {
  id: string;
  title: string;
  kind?: string;
  coverage: Coverage;
  status: RequirementStatus;
  reason: string;
  controls: { id: string; status: ControlStatus; justification: string }[];
  /** Failing findings of the mapped controls accepted as risk by an active exception. */
  acceptedRisk?: number;
  /** Ids of the attested manual evidence for this requirement. */
  manualEvidence?: string[];
}

export type RequirementResults = Record<FrameworkId, RequirementResult[]>;

export function mapRequirements(catalog: Catalog, controlResults: readonly ControlResult[]): RequirementResults {
  const statusById = new Map(controlResults.map((c) => [c.controlId, c.status]));
  const out = {} as RequirementResults;
  for (const fw of FRAMEWORK_IDS) {
    out[fw] = catalog.frameworks[fw].requirements.map((req) => {
      const controls = catalog.controls
        .flatMap((c) => c.mappings.filter((m) => m.framework === fw && m.requirement === req.id).map((m) => ({ id: c.id, status: statusById.get(c.id) ?? ('unknown' as ControlStatus), justification: m.justification })))
        .sort((a, b) => a.id.localeCompare(b.id));
      const { status, reason } = requirementStatus(req, controls.map((c) => c.status));
      return { id: req.id, title: req.title, ...(req.kind ? { kind: req.kind } : {}), coverage: req.coverage, status, reason, controls };
    });
  }
  return out;
}
