// The roll-up table of README.md ("Requirement roll-up"), row by row: each row is a case here, with the
// same id, so the README and the code cannot drift apart silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/catalog/catalog-schema.ts';
import { controlStatus } from '../../src/evaluate/control-status.ts';
import type { ControlOutcome } from '../../src/map/control-outcome.ts';
import type { EvidenceState } from '../../src/map/evidence-state.ts';
import { rollUpRequirement, type MappedControl, type RequirementStatus } from '../../src/map/requirement-status.ts';

/** "P:pass" = a primary control that passes; "S:fail" = a supporting control that fails. */
function controls(spec: string): MappedControl[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((s, i) => {
      const [strength, status] = s.split(':');
      return { id: `c${i}`, strength: strength === 'P' ? 'primary' : 'supporting', status: status as ControlOutcome };
    });
}

interface Row {
  row: string;
  coverage: Coverage;
  controls: string;
  attestation?: EvidenceState;
  provider?: EvidenceState[];
  status: RequirementStatus;
  reason?: RegExp;
}

// prettier-ignore
const TABLE: Row[] = [
  { row: 'R1', coverage: 'out_of_scope', controls: 'P:fail', status: 'out_of_scope' },
  { row: 'R2', coverage: 'automated', controls: 'P:pass P:pass S:fail', status: 'not_met', reason: /2 of 2 primary control\(s\) pass\. Failing: c2 \(supporting\)/ },
  { row: 'R2', coverage: 'automated', controls: 'P:pass P:fail P:pass', status: 'not_met', reason: /^2 of 3 primary/ },
  { row: 'R2', coverage: 'manual', controls: 'S:fail', attestation: 'current', status: 'not_met' },
  { row: 'R2', coverage: 'inherited', controls: 'S:fail', provider: ['current'], status: 'not_met' },
  { row: 'R3', coverage: 'manual', controls: '', attestation: 'disqualified', status: 'not_met' },
  { row: 'R3', coverage: 'automated', controls: 'P:pass', attestation: 'disqualified', status: 'not_met' },
  { row: 'R4', coverage: 'automated', controls: 'P:pass S:unknown', status: 'unknown', reason: /Could not be evaluated: c1 \(supporting\)/ },
  { row: 'R4', coverage: 'manual', controls: 'S:unknown', attestation: 'current', status: 'unknown' },
  { row: 'R4', coverage: 'automated', controls: 'P:unknown P:fail', status: 'not_met' },
  { row: 'R5', coverage: 'automated', controls: 'P:pass S:expired', status: 'not_met', reason: /expired/ },
  { row: 'R5', coverage: 'manual', controls: '', attestation: 'expired', status: 'not_met', reason: /not met until renewed/ },
  { row: 'R5', coverage: 'hybrid', controls: 'P:pass', attestation: 'expired', status: 'not_met' },
  { row: 'R6', coverage: 'inherited', controls: '', provider: ['none'], status: 'inherited_no_evidence', reason: /^Inherited — provider evidence not attached: doc0/ },
  { row: 'R6', coverage: 'inherited', controls: '', provider: ['current', 'expired'], status: 'inherited_no_evidence', reason: /doc1 \(expired\)/ },
  { row: 'R6', coverage: 'inherited', controls: '', provider: [], status: 'inherited_no_evidence' },
  { row: 'R7', coverage: 'inherited', controls: '', provider: ['current', 'current'], status: 'inherited', reason: /relies on doc0, doc1 \(attached, supplied for review\)/ },
  { row: 'R8', coverage: 'automated', controls: 'P:pass S:manual', status: 'manual', reason: /Awaiting attested evidence for: c1 \(supporting\)/ },
  { row: 'R8', coverage: 'manual', controls: 'S:pass S:pass', status: 'manual' },
  { row: 'R8', coverage: 'manual', controls: 'S:not_applicable', status: 'manual' },
  { row: 'R8', coverage: 'manual', controls: '', status: 'manual' },
  { row: 'R8', coverage: 'hybrid', controls: 'P:pass', status: 'manual' },
  { row: 'R8', coverage: 'hybrid', controls: 'P:not_applicable', status: 'manual' },
  { row: 'R9', coverage: 'automated', controls: 'S:pass S:pass', status: 'unknown', reason: /supporting controls alone never show a requirement met/ },
  { row: 'R9', coverage: 'automated', controls: '', status: 'unknown' },
  { row: 'R9', coverage: 'hybrid', controls: 'S:pass', attestation: 'current', status: 'unknown' },
  { row: 'R10', coverage: 'automated', controls: 'P:not_applicable P:not_applicable S:pass', status: 'not_applicable' },
  { row: 'R11', coverage: 'automated', controls: 'P:pass P:not_applicable S:pass S:not_applicable', status: 'met', reason: /^1 of 2 primary/ },
  { row: 'R11', coverage: 'automated', controls: 'P:pass P:attested', status: 'met' },
  { row: 'R11', coverage: 'hybrid', controls: 'P:pass S:pass', attestation: 'current', status: 'met', reason: /supplied for review/ },
  { row: 'R11', coverage: 'hybrid', controls: 'P:not_applicable', attestation: 'current', status: 'met' },
  { row: 'R11', coverage: 'manual', controls: 'S:pass', attestation: 'current', status: 'met' },
  { row: 'R11', coverage: 'manual', controls: 'P:attested S:attested', status: 'met' },
  { row: 'R8', coverage: 'manual', controls: 'S:attested', status: 'manual' },
];

describe('control roll-up', () => {
  it('any fail fails; unknown beats pass; nothing checked is unknown, never pass', () => {
    expect(controlStatus({ pass: 5, fail: 1, unknown: 1, not_applicable: 0 })).toBe('fail');
    expect(controlStatus({ pass: 5, fail: 0, unknown: 1, not_applicable: 0 })).toBe('unknown');
    expect(controlStatus({ pass: 5, fail: 0, unknown: 0, not_applicable: 2 })).toBe('pass');
    expect(controlStatus({ pass: 0, fail: 0, unknown: 0, not_applicable: 2 })).toBe('not_applicable');
    expect(controlStatus({ pass: 0, fail: 0, unknown: 0, not_applicable: 0 })).toBe('unknown');
  });
});

describe('requirement roll-up (README table)', () => {
  it.each(TABLE)('$row: $coverage [$controls] attestation=$attestation provider=$provider -> $status', (r) => {
    const out = rollUpRequirement({
      coverage: r.coverage,
      reason: 'catalog reason',
      controls: controls(r.controls),
      attestation: r.attestation ?? 'none',
      ...(r.attestation && r.attestation !== 'none' ? { attestationText: `"file" ${r.attestation === 'disqualified' ? ': the scan has open findings; satisfies nothing' : ''}` } : {}),
      ...(r.provider ? { providerEvidence: r.provider.map((state, i) => ({ name: `doc${i}`, state })) } : {}),
    });
    expect(out.status).toBe(r.status);
    if (r.reason) expect(out.reason).toMatch(r.reason);
  });

  it('every row of the README table has at least one case, and every case names a row of the table', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Requirement roll-up'));
    const rows = [...section.matchAll(/^\| (R\d+) \|/gm)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(0);
    expect([...new Set(TABLE.map((r) => r.row))].sort()).toEqual([...new Set(rows)].sort());
  });

  it('counts primary controls that pass or are attested', () => {
    expect(rollUpRequirement({ coverage: 'automated', controls: controls('P:pass P:attested P:not_applicable S:pass'), attestation: 'none' })).toMatchObject({ primaryPassed: 2, primaryTotal: 3 });
  });
});
