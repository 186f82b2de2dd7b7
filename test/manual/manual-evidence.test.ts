import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyManualEvidence } from '../../src/map/apply-manual-evidence.ts';
import { loadManualEvidence, ManualEvidenceError } from '../../src/manual-evidence/load-manual-evidence.ts';
import { manualEvidenceStep } from '../../src/package/manual-package-step.ts';
import type { RequirementResults } from '../../src/map/map-requirements.ts';
import { sha256File } from '../../src/util/sha256.ts';

const SAMPLE = 'samples/manual-evidence';
const runAt = new Date('2026-11-20T02:00:00Z');

function requirements(): RequirementResults {
  const req = (id: string, status: 'manual' | 'not_met') => ({ id, title: id, coverage: 'manual' as const, status, reason: 'Needs attested evidence.', controls: [] });
  return { gdpr: [], hipaa: [req('164.316(a)', 'manual'), req('164.308(a)(8)', 'manual'), req('164.308(a)(5)(i)', 'not_met'), req('164.308(a)(1)(i)', 'manual')], soc2: [req('CC5.3', 'manual')] };
}

describe('manual evidence', () => {
  it('loads the sample folder with digests, attestations and expiry', async () => {
    const items = await loadManualEvidence(SAMPLE, runAt);
    const byId = Object.fromEntries(items.map((i) => [i.entry.id, i.entry]));
    expect(Object.keys(byId).sort()).toEqual(['information-security-policy-v3.pdf', 'security-awareness-training-2026.csv', 'vulnerability-scan-2026-q3.nessus']);
    expect(byId['information-security-policy-v3.pdf']).toMatchObject({ status: 'current', attestedBy: 'Dana Whitfield, CISO', renewBy: '2027-03-01', file: 'manual/information-security-policy-v3.pdf', sha256: await sha256File(join(SAMPLE, 'information-security-policy-v3.pdf')) });
    expect(byId['vulnerability-scan-2026-q3.nessus'].status).toBe('expired');
    expect(byId['vulnerability-scan-2026-q3.nessus'].scan?.hostsScanned).toBe(3);
  });

  it('current evidence makes a manual requirement met; expired evidence makes it not met; failures stay', async () => {
    const items = (await loadManualEvidence(SAMPLE, runAt)).map((i) => i.entry);
    const out = applyManualEvidence(requirements(), items);
    const h = Object.fromEntries(out.hipaa.map((r) => [r.id, r]));
    expect(h['164.316(a)'].status).toBe('met');
    expect(h['164.316(a)'].reason).toMatch(/Dana Whitfield, CISO on 2026-03-01, renew by 2027-03-01/);
    expect(h['164.316(a)'].manualEvidence).toEqual(['information-security-policy-v3.pdf']);
    expect(h['164.308(a)(8)'].status).toBe('not_met');
    expect(h['164.308(a)(8)'].reason).toMatch(/expired.*2026-11-14.*until renewed/);
    expect(h['164.308(a)(5)(i)'].status).toBe('not_met'); // a failing automated part is never overridden
    expect(h['164.308(a)(1)(i)'].status).toBe('manual'); // nothing attached
    expect(out.soc2[0].status).toBe('met');
  });

  it('evidence expires the day after its renewal date', async () => {
    const onRenewalDay = await loadManualEvidence(SAMPLE, new Date('2027-03-01T23:59:59Z'));
    const dayAfter = await loadManualEvidence(SAMPLE, new Date('2027-03-02T00:00:00Z'));
    const policy = (xs: typeof onRenewalDay) => xs.find((x) => x.entry.id.endsWith('.pdf'))!.entry.status;
    expect(policy(onRenewalDay)).toBe('current');
    expect(policy(dayAfter)).toBe('expired');
    const out = applyManualEvidence(requirements(), dayAfter.map((i) => i.entry));
    expect(out.hipaa.find((r) => r.id === '164.316(a)')!.status).toBe('not_met');
  });

  it('rejects a file without attestation, a bad field and an unknown requirement, naming file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-manual-'));
    await writeFile(join(dir, 'contract.pdf'), 'x');
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(/contract\.pdf: no attestation; add .*contract\.pdf\.attestation\.yaml/);
    await writeFile(join(dir, 'contract.pdf.attestation.yaml'), 'title: BAA\nattestedOn: 2026-01-01\nrenewBy: 2027-01-01\nrequirements: [{framework: hipaa, requirement: "164.308(b)(1)"}]\n');
    await expect(loadManualEvidence(dir, runAt)).rejects.toThrow(/contract\.pdf\.attestation\.yaml: field "attestedBy"/);
    await writeFile(join(dir, 'contract.pdf.attestation.yaml'), 'title: BAA\nattestedBy: Legal\nattestedOn: 2026-01-01\nrenewBy: 2027-01-01\nrequirements: [{framework: hipaa, requirement: "999"}]\n');
    const catalog = { frameworks: { gdpr: { requirements: [] }, soc2: { requirements: [] }, hipaa: { requirements: [{ id: '164.308(b)(1)' }] } } } as never;
    await expect(loadManualEvidence(dir, runAt, catalog)).rejects.toThrow(/field "requirements\.0\.requirement": "999" is not a hipaa requirement id/);
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
