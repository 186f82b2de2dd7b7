// Attested manual evidence settles requirements whose coverage is manual: current evidence makes a
// `manual` requirement met; evidence past its renewal date makes it not met until renewed.
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';
import type { RequirementResults } from './map-requirements.ts';

export function applyManualEvidence(requirements: RequirementResults, evidence: readonly ManualEvidenceEntry[]): RequirementResults {
  if (evidence.length === 0) return requirements;
  const out = {} as RequirementResults;
  for (const fw of Object.keys(requirements) as (keyof RequirementResults)[]) {
    out[fw] = requirements[fw].map((req) => {
      const attached = evidence.filter((e) => e.requirements.some((r) => r.framework === fw && r.requirement === req.id));
      if (attached.length === 0) return req;
      const withIds = { ...req, manualEvidence: attached.map((e) => e.id) };
      // Only a requirement still waiting for attestation changes: a failing or unknown automated part is never overridden.
      if (req.status !== 'manual') return withIds;
      const current = attached.filter((e) => e.status === 'current');
      if (current.length > 0) {
        const names = current.map((e) => `"${e.title}" attested by ${e.attestedBy} on ${e.attestedOn}, renew by ${e.renewBy}`).join('; ');
        return { ...withIds, status: 'met', reason: `Attested evidence: ${names}.` };
      }
      const names = attached.map((e) => `"${e.title}" (renewal was due ${e.renewBy})`).join('; ');
      return { ...withIds, status: 'not_met', reason: `Attested evidence expired: ${names}. Not met until renewed.` };
    });
  }
  return out;
}
