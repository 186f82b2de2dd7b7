// The invariant an auditor relies on, checked on every run's results before anything is rendered: a
// status never says more than its evidence. Independent of the roll-up's code path (requirement-status.ts),
// so that a change there that lets a requirement read met beyond its evidence stops the run.
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';
import type { ControlOutcome } from '../map/control-outcome.ts';
import type { RequirementResults } from '../map/map-requirements.ts';

const NEVER_UNDER_MET: ReadonlySet<ControlOutcome> = new Set(['fail', 'unknown', 'manual', 'expired']);
const PRIMARY_OK: ReadonlySet<ControlOutcome> = new Set(['pass', 'attested', 'not_applicable']);

/** Every way a requirement's status says more than its evidence, as "<framework> <id>: <why>". */
export function conclusionViolations(requirements: RequirementResults, manualEvidence: readonly ManualEvidenceEntry[] = []): string[] {
  const usable = new Set(manualEvidence.filter((e) => e.status === 'current' && !e.disqualifiedBy).map((e) => e.id));
  const disqualified = new Set(manualEvidence.filter((e) => e.disqualifiedBy).map((e) => e.id));
  const out: string[] = [];
  for (const [fw, list] of Object.entries(requirements)) {
    for (const r of list) {
      const bad = (why: string) => out.push(`${fw} ${r.id}: ${r.status} but ${why}`);
      const primary = r.controls.filter((c) => c.strength === 'primary');
      const attestedPart = (r.manualEvidence ?? []).some((id) => usable.has(id)) || primary.some((c) => c.status === 'attested');
      if ((r.coverage === 'manual' || r.coverage === 'hybrid') && r.status === 'not_applicable') bad('a manual or hybrid requirement is never not applicable');
      if (r.status === 'inherited' && !(r.providerEvidence?.length && r.providerEvidence.every((p) => p.attached))) bad('its provider evidence is not all attached');
      if (r.status !== 'met') continue;
      for (const c of r.controls) if (NEVER_UNDER_MET.has(c.status)) bad(`mapped control ${c.id} (${c.strength}) is ${c.status}`);
      for (const c of primary) if (!PRIMARY_OK.has(c.status)) bad(`primary control ${c.id} is ${c.status}`);
      if ((r.manualEvidence ?? []).some((id) => disqualified.has(id))) bad('an attached file satisfies nothing');
      if (r.coverage === 'automated' && !primary.some((c) => c.status === 'pass' || c.status === 'attested')) bad('no primary control passed');
      if ((r.coverage === 'manual' || r.coverage === 'hybrid') && !attestedPart) bad('its manual part has no current attested evidence');
      if (r.coverage === 'inherited' || r.coverage === 'out_of_scope') bad(`coverage ${r.coverage} is never met`);
    }
  }
  return out;
}
