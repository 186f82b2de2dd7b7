// A requirement's status and mapped controls as text lines, shared by the PDF and the spreadsheet so
// both say the same thing.
import { CONTROL_STATUS_LABELS, REQUIREMENT_STATUS_LABELS, STRENGTH_LABELS } from './labels.ts';
import type { RequirementView } from './view-model.ts';

/** The status label, with "x of y primary controls pass" wherever primary controls are mapped. */
export function requirementStatusText(r: Pick<RequirementView, 'status' | 'primaryPassed' | 'primaryTotal'>): string {
  const label = REQUIREMENT_STATUS_LABELS[r.status];
  return r.primaryTotal > 0 ? `${label}\n${r.primaryPassed} of ${r.primaryTotal} primary pass` : label;
}

/** One line per mapped control, then one per provider document relied on. */
export function requirementControlLines(r: Pick<RequirementView, 'controls' | 'providerEvidence'>): string[] {
  return [
    ...r.controls.map((c) => `${CONTROL_STATUS_LABELS[c.status]}, ${STRENGTH_LABELS[c.strength].toLowerCase()}: ${c.title} (${c.id}): ${c.justification}`),
    ...(r.providerEvidence ?? []).map((p) => `Provider evidence: ${p.name} (${p.attached ? 'attached, supplied for review' : 'not attached'})`),
  ];
}
