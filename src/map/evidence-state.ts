// What a set of attested files amounts to for one requirement, control or provider document.
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';

/**
 * disqualified: a file that can satisfy nothing (a scan with open critical or high findings) is among
 * them, whatever else is attached; current: at least one file is within its renewal date; expired: files
 * exist but all are past renewal; none: nothing attached.
 */
export type EvidenceState = 'none' | 'current' | 'expired' | 'disqualified';

export function evidenceState(entries: readonly ManualEvidenceEntry[]): EvidenceState {
  if (entries.length === 0) return 'none';
  if (entries.some((e) => e.disqualifiedBy)) return 'disqualified';
  return entries.some((e) => e.status === 'current') ? 'current' : 'expired';
}

/** One line per file for a reason text: what it is, who attests it, until when, and why it cannot count. */
export function describeEvidence(entries: readonly ManualEvidenceEntry[]): string {
  return entries
    .map((e) => {
      const base = `"${e.title}" attested by ${e.attestedBy} on ${e.attestedOn}, renew by ${e.renewBy}`;
      const dated = e.status === 'expired' ? `${base} (expired)` : base;
      return e.disqualifiedBy ? `${dated}: ${e.disqualifiedBy}` : dated;
    })
    .join('; ');
}
