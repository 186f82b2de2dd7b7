import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/load-catalog.ts';
import { DEFAULT_FRAMEWORKS } from '../../src/catalog/catalog-schema.ts';
import type { ControlResult } from '../../src/evaluate/control-status.ts';
import { loadManualEvidence, ManualEvidenceError } from '../../src/manual-evidence/load-manual-evidence.ts';
import { manualEvidenceStep } from '../../src/package/manual-package-step.ts';
import { mapRequirements } from '../../src/map/map-requirements.ts';
import type { ManualEvidenceEntry } from '../../src/manual-evidence/manual-evidence-entry.ts';
import { sha256File } from '../../src/util/sha256.ts';

const SAMPLE = 'samples/manual-evidence';
const runAt = new Date('2026-11-20T02:00:00Z');

const requirement = (id: string, coverage: 'manual' | 'inherited' = 'manual') => ({ id, title: id, coverage, reason: 'Needs attested evidence.', ...(coverage === 'inherited' ? { providerEvidence: ['AWS SOC 2 Type II report', 'AWS BAA'] } : {}) });
const mapping = (framework: 'hipaa' | 'soc2', req: string, strength: 'primary' | 'supporting') => ({ framework, requirement: req, strength, justification: 'test' });
// A small catalog: the sample's attested requirements, one with a failing automated control, one with a manual control.
const catalog = {
  controls: [
    { id: 'training-records-complete', automation: 'automated', mappings: [mapping('hipaa', '164.308(a)(5)(i)', 'supporting')] },
    { id: 'restores-tested', automation: 'manual', mappings: [mapping('hipaa', '164.308(a)(1)(i)', 'primary'), mapping('soc2', 'CC5.3', 'supporting')] },
  ],
  frameworks: {
    gdpr: { requirements: [] },
    hipaa: { requirements: [requirement('164.316(a)'), requirement('164.308(a)(8)'), requirement('164.308(a)(5)(i)'), requirement('164.308(a)(1)(i)'), requirement('164.310(a)(1)', 'inherited')] },
    soc2: { requirements: [requirement('CC5.3'), requirement('CC3.2'), requirement('CC1.4')] },
  },
} as unknown as Catalog;
const evaluated: ControlResult[] = [{ controlId: 'training-records-complete', status: 'fail', counts: { pass: 0, fail: 1, unknown: 0, not_applicable: 0 } }];

function statuses(evidence: readonly ManualEvidenceEntry[]) {
  const out = mapRequirements(catalog, evaluated, DEFAULT_FRAMEWORKS, evidence);
  return Object.fromEntries([...(out.hipaa ?? []), ...(out.soc2 ?? [])].map((r) => [r.id, r]));
}

describe('manual evidence', () => {
  it('loads the sample folder with digests, attestations and expiry', async () => {
    const items = await loadManualEvidence(SAMPLE, runAt);
    const byId = Object.fromEntries(items.map((i) => [i.entry.id, i.entry]));
    expect(Object.keys(byId).sort()).toEqual(['information-security-policy-v3.pdf', 'security-awareness-training-2026.csv', 'vulnerability-scan-2026-q3.nessus']);
    expect(byId['information-security-policy-v3.pdf']).toMatchObject({ status: 'current', attestedBy: 'Dana Whitfield, CISO', renewBy: '2027-03-01', file: 'manual/information-security-policy-v3.pdf', sha256: await sha256File(join(SAMPLE, 'information-security-policy-v3.pdf')) });
    expect(byId['vulnerability-scan-2026-q3.nessus'].status).toBe('expired');
    expect(byId['vulnerability-scan-2026-q3.nessus'].scan?.hostsScanned).toBe(3);
    expect(byId['vulnerability-scan-2026-q3.nessus'].scan?.hosts).toEqual(['10.20.1.10', '10.20.1.11', '10.20.2.15']);
  });

  it('current evidence settles a manual requirement (supplied for review); expired evidence, failures and a missing manual control keep it from met', async () => {
    const r = statuses((await loadManualEvidence(SAMPLE, runAt)).map((i) => i.entry));
    expect(r['164.316(a)'].status).toBe('met');
    expect(r['164.316(a)'].reason).toMatch(/supplied for review.*Dana Whitfield, CISO on 2026-03-01, renew by 2027-03-01/);
    expect(r['164.316(a)'].manualEvidence).toEqual(['information-security-policy-v3.pdf']);
    expect(r['164.308(a)(8)'].status).toBe('not_met');
    expect(r['164.308(a)(5)(i)'].status).toBe('not_met'); // a failing automated control is never overridden
    expect(r['164.308(a)(1)(i)'].status).toBe('manual'); // nothing attached, and its primary manual control has no evidence
    expect(r['CC5.3'].status).toBe('manual'); // the policy is attached, but the mapped manual control has no evidence
    expect(r['CC5.3'].reason).toMatch(/Awaiting attested evidence for: restores-tested \(supporting\)/);
    expect(r['CC1.4'].status).toBe('met');
    expect(r['164.310(a)(1)'].status).toBe('inherited_no_evidence');
    expect(r['164.310(a)(1)'].reason).toMatch(/^Inherited — provider evidence not attached: AWS SOC 2 Type II report, AWS BAA/);
  });

  it('the sample Nessus scan (1 critical, 1 high open) satisfies nothing at any evaluation date', async () => {
    for (const day of ['2026-08-15', '2026-09-01', '2026-11-01', '2026-11-14', '2026-11-20', '2027-06-01']) {
      const items = (await loadManualEvidence(SAMPLE, new Date(`${day}T02:00:00Z`))).map((i) => i.entry);
      expect(items.find((i) => i.id.endsWith('.nessus'))!.disqualifiedBy).toMatch(/1 critical, 1 high/);
      const r = statuses(items);
      expect([day, r['CC3.2'].status, r['164.308(a)(8)'].status]).toEqual([day, 'not_met', 'not_met']);
      expect(r['CC3.2'].reason).toMatch(/satisfies nothing/);
    }
  });

  it('control attestations: a manual control reads attested with current evidence, expired past renewal; provider evidence settles inherited', () => {
    const entry = (over: Partial<ManualEvidenceEntry>): ManualEvidenceEntry => ({ id: 'f', title: 'Restore test report', file: 'manual/f', sha256: 'a'.repeat(64), attestedBy: 'Ops', attestedOn: '2026-06-01', renewBy: '2026-12-01', status: 'current', requirements: [], controls: [], providerEvidence: [], ...over });
    const current = statuses([entry({ controls: ['restores-tested'] }), entry({ id: 'p', providerEvidence: ['AWS SOC 2 Type II report', 'AWS BAA'] })]);
    expect(current['164.308(a)(1)(i)'].controls[0]).toMatchObject({ id: 'restores-tested', status: 'attested', strength: 'primary' });
    expect(current['164.308(a)(1)(i)'].status).toBe('met'); // its primary control is attested: the manual part is evidenced
    expect(current['164.310(a)(1)'].status).toBe('inherited');
    const expired = statuses([entry({ controls: ['restores-tested'], status: 'expired' }), entry({ id: 'p', providerEvidence: ['AWS BAA'] })]);
    expect(expired['164.308(a)(1)(i)'].controls[0].status).toBe('expired');
    expect(expired['164.308(a)(1)(i)'].status).toBe('not_met');
    expect(expired['164.310(a)(1)'].status).toBe('inherited_no_evidence');
    expect(expired['164.310(a)(1)'].reason).toMatch(/not attached: AWS SOC 2 Type II report\./);
  });

  it('evidence expires the day after its renewal date', async () => {
    const onRenewalDay = await loadManualEvidence(SAMPLE, new Date('2027-03-01T23:59:59Z'));
    const dayAfter = await loadManualEvidence(SAMPLE, new Date('2027-03-02T00:00:00Z'));
    const policy = (xs: typeof onRenewalDay) => xs.find((x) => x.entry.id.endsWith('.pdf'))!.entry.status;
    expect(policy(onRenewalDay)).toBe('current');
    expect(policy(dayAfter)).toBe('expired');
    expect(statuses(dayAfter.map((i) => i.entry))['164.316(a)'].status).toBe('not_met');
  });

  it('rejects a file without attestation, a bad field, an unknown requirement, an automated control and unknown provider evidence, naming file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-manual-'));
    const sidecar = (body: string) => writeFile(join(dir, 'contract.pdf.attestation.yaml'), `title: BAA\nattestedBy: Legal\nattestedOn: 2026-01-01\nrenewBy: 2027-01-01\n${body}`);
    await writeFile(join(dir, 'contract.pdf'), 'x');
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(/contract\.pdf: no attestation; add .*contract\.pdf\.attestation\.yaml/);
    await writeFile(join(dir, 'contract.pdf.attestation.yaml'), 'title: BAA\nattestedOn: 2026-01-01\nrenewBy: 2027-01-01\nrequirements: [{framework: hipaa, requirement: "164.308(b)(1)"}]\n');
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(/contract\.pdf\.attestation\.yaml: field "attestedBy"/);
    const small = { controls: [{ id: 'auto', automation: 'automated' }], frameworks: { gdpr: { requirements: [] }, soc2: { requirements: [] }, hipaa: { requirements: [{ id: '164.308(b)(1)' }] } } } as never;
    await sidecar('requirements: [{framework: hipaa, requirement: "999"}]\n');
    await expect(loadManualEvidence(dir, runAt, small)).rejects.toThrow(/field "requirements\.0\.requirement": "999" is not a hipaa requirement id/);
    await sidecar('controls: [auto]\n');
    await expect(loadManualEvidence(dir, runAt, small)).rejects.toThrow(/field "controls\.0": "auto" is an automated control/);
    await sidecar('providerEvidence: [AWS BAA]\n');
    await expect(loadManualEvidence(dir, runAt, small)).rejects.toThrow(/field "providerEvidence\.0": "AWS BAA" is not provider evidence any inherited requirement relies on/);
    await sidecar('');
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(/field "requirements": must name at least one of requirements, controls or providerEvidence/);
    await rm(join(dir, 'contract.pdf'));
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(ManualEvidenceError);
  });

  it('copies the files into the package and refuses a file changed since it was hashed', async () => {
    const src = await mkdtemp(join(tmpdir(), 'proofline-manual-src-'));
    await cp(SAMPLE, src, { recursive: true });
    const items = await loadManualEvidence(src, runAt);
    const pkg = await mkdtemp(join(tmpdir(), 'proofline-manual-pkg-'));
    await manualEvidenceStep(items)(pkg, {} as never);
    expect((await readdir(join(pkg, 'manual'))).sort()).toEqual(['information-security-policy-v3.pdf', 'security-awareness-training-2026.csv', 'vulnerability-scan-2026-q3.nessus']);
    await writeFile(join(src, 'security-awareness-training-2026.csv'), 'changed');
    await expect(manualEvidenceStep(items)(await mkdtemp(join(tmpdir(), 'p-')), {} as never)).rejects.toThrow(/changed while the run was in progress/);
  });
});
