// Rolls a requirement's mapped controls and attested evidence up into its status. The table in
// README.md ("Requirement roll-up") is the specification; test/core/mapping-rollup.test.ts checks it
// row by row. The order below is the order of precedence: a label is never softer than the facts.
import type { Coverage, MappingStrength } from '../catalog/catalog-schema.ts';
import type { ControlOutcome } from './control-outcome.ts';
import type { EvidenceState } from './evidence-state.ts';

export type RequirementStatus = 'met' | 'not_met' | 'unknown' | 'not_applicable' | 'manual' | 'inherited' | 'inherited_no_evidence' | 'out_of_scope';

export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['met', 'not_met', 'unknown', 'not_applicable', 'manual', 'inherited', 'inherited_no_evidence', 'out_of_scope'];

export interface MappedControl {
  id: string;
  strength: MappingStrength;
  status: ControlOutcome;
}

export interface RollUpInput {
  coverage: Coverage;
  /** The catalog's one-line reason (non-automated coverage). */
  reason?: string;
  controls: readonly MappedControl[];
  /** Attested files that name the requirement itself, and their description for the reason text. */
  attestation: EvidenceState;
  attestationText?: string;
  /** inherited: every provider document the requirement relies on, with the state of its attached files. */
  providerEvidence?: readonly { name: string; state: EvidenceState }[];
}

export interface RollUp {
  status: RequirementStatus;
  reason: string;
  /** Primary controls that pass (or, manual ones, are attested) out of all primary controls. */
  primaryPassed: number;
  primaryTotal: number;
}

const PASSED: ReadonlySet<ControlOutcome> = new Set(['pass', 'attested']);

function named(controls: readonly MappedControl[]): string {
  return controls.map((c) => `${c.id} (${c.strength})`).join(', ');
}

export function rollUpRequirement(input: RollUpInput): RollUp {
  const { coverage, controls } = input;
  const primary = controls.filter((c) => c.strength === 'primary');
  const primaryPassed = primary.filter((c) => PASSED.has(c.status)).length;
  const tally = `${primaryPassed} of ${primary.length} primary control(s) pass`;
  const out = (status: RequirementStatus, ...parts: (string | false | undefined)[]): RollUp => ({ status, reason: parts.filter((p): p is string => !!p).map((p) => p.replace(/\.$/, '')).join('. ') + '.', primaryPassed, primaryTotal: primary.length });
  const where = (s: ControlOutcome) => controls.filter((c) => c.status === s);
  const needsAttestation = coverage === 'manual' || coverage === 'hybrid';
  const attestationPart = input.attestation === 'current' || primary.some((c) => c.status === 'attested');
  const attested = input.attestationText && `Attested evidence (supplied for review): ${input.attestationText}`;

  if (coverage === 'out_of_scope') return out('out_of_scope', input.reason ?? 'Out of scope');

  const failing = where('fail');
  if (failing.length > 0 || input.attestation === 'disqualified') {
    return out('not_met', primary.length > 0 && tally, failing.length > 0 && `Failing: ${named(failing)}`, input.attestation === 'disqualified' && attested);
  }
  const unknown = where('unknown');
  if (unknown.length > 0) return out('unknown', primary.length > 0 && tally, `Could not be evaluated: ${named(unknown)}`);
  const expired = where('expired');
  if (expired.length > 0 || (needsAttestation && !attestationPart && input.attestation === 'expired')) {
    return out('not_met', `Attested evidence expired, not met until renewed: ${[named(expired), needsAttestation && input.attestation === 'expired' && input.attestationText].filter(Boolean).join('; ')}`);
  }

  if (coverage === 'inherited') {
    const provider = input.providerEvidence ?? [];
    const missing = provider.filter((p) => p.state !== 'current');
    if (missing.length > 0 || provider.length === 0) {
      return out('inherited_no_evidence', `Inherited — provider evidence not attached: ${missing.map((p) => (p.state === 'none' ? p.name : `${p.name} (${p.state})`)).join(', ') || 'none named'}`, input.reason);
    }
    return out('inherited', `Inherited; relies on ${provider.map((p) => p.name).join(', ')} (attached, supplied for review)`, input.reason);
  }

  const awaiting = where('manual');
  if (awaiting.length > 0 || (needsAttestation && !attestationPart)) {
    return out('manual', needsAttestation && !attestationPart && (input.reason ?? 'Needs attested evidence'), awaiting.length > 0 && `Awaiting attested evidence for: ${named(awaiting)}`, primary.length > 0 && tally);
  }

  if (coverage !== 'manual' && primary.length === 0) {
    return out('unknown', 'No primary control decides the automated part; supporting controls alone never show a requirement met');
  }
  if (coverage === 'automated' && primaryPassed === 0) return out('not_applicable', 'Every primary control found nothing to check in the examined scope');
  return out('met', primary.length > 0 && tally, attested);
}

/** Every requirement status counted zero. */
export function zeroStatusCounts(): Record<RequirementStatus, number> {
  return Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
}
