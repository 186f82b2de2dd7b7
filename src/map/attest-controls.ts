// Control-level attestations: a manual control named by current attested evidence reads `attested`,
// by evidence past renewal `expired`, and by a file that satisfies nothing (a scan with open critical
// or high findings) `fail`. Automated controls keep their evaluated status: an attestation never
// replaces a check.
import type { Control } from '../catalog/catalog-schema.ts';
import type { ControlResult } from '../evaluate/control-status.ts';
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';
import type { ControlOutcome } from './control-outcome.ts';
import { evidenceState } from './evidence-state.ts';

export interface AttestedControl {
  status: ControlOutcome;
  /** Ids of the attested files that name the control. */
  manualEvidence: string[];
}

const FROM_EVIDENCE = { none: 'manual', current: 'attested', expired: 'expired', disqualified: 'fail' } as const;

export function attestControls(controls: readonly Pick<Control, 'id' | 'automation'>[], results: readonly ControlResult[], evidence: readonly ManualEvidenceEntry[]): Map<string, AttestedControl> {
  const statusById = new Map(results.map((r) => [r.controlId, r.status]));
  const out = new Map<string, AttestedControl>();
  for (const c of controls) {
    const attached = evidence.filter((e) => e.controls.includes(c.id));
    const evaluated: ControlOutcome = statusById.get(c.id) ?? 'unknown';
    const status = c.automation === 'manual' ? FROM_EVIDENCE[evidenceState(attached)] : evaluated;
    out.set(c.id, { status, manualEvidence: attached.map((e) => e.id) });
  }
  return out;
}
