// The view-model and the narrative templates: everything a reader must see is there, nothing capped.
import { describe, expect, it } from 'vitest';
import { loadNarrative } from '../../src/render/narrative.ts';
import { buildViewModel, TOP_GAPS } from '../../src/render/view-model/build-view-model.ts';
import { SEVERITY_RANK } from '../../src/render/view-model/labels.ts';
import type { SignerDescription } from '../../src/sign/signing-identity.ts';
import { syntheticRun } from './synthetic-run.ts';

const signer: SignerDescription = { subject: 'CN=Test', issuer: 'CN=Test', selfSigned: true, source: 'development', fingerprintSha256: 'f'.repeat(64), notAfter: '2030-01-01T00:00:00.000Z' };

describe('view-model', () => {
  const { results } = syntheticRun({ findings: 5_000, controls: 10 });

  it('lists every failing and unknown finding per control (no sample)', () => {
    const vm = buildViewModel(results, signer);
    const failing = vm.controls.reduce((n, c) => n + c.failing.length, 0);
    const unknown = vm.controls.reduce((n, c) => n + c.unknown.length, 0);
    expect(failing).toBe(results.summary.findings.fail);
    expect(unknown).toBe(results.summary.findings.unknown);
  });

  it('orders controls fail, unknown, then the rest, and top gaps by severity', () => {
    const vm = buildViewModel(results, signer);
    const firstNonFail = vm.controls.findIndex((c) => c.status !== 'fail');
    expect(vm.controls.slice(firstNonFail).some((c) => c.status === 'fail')).toBe(false);
    expect(vm.topGaps.length).toBeLessThanOrEqual(TOP_GAPS);
    const ranks = vm.topGaps.map((g) => SEVERITY_RANK[g.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(vm.topGaps.every((g) => g.status === 'fail' || g.status === 'unknown')).toBe(true);
  });

  it('carries exceptions and manual evidence from the results, and renders their wording', async () => {
    const withExtras = {
      ...results,
      exceptions: [{ id: 'EX-1', controlId: 'control-0', resource: 'notebook-000000', justification: 'Research notebook without personal data.', approver: 'CISO Jane Roe', approvedOn: '2026-10-01', expiresOn: '2027-03-31', status: 'active' as const, matchedFindings: 1 }],
      manualEvidence: [{ id: 'M-1', title: 'Information security policy v3', file: 'manual/policy.pdf', sha256: 'a'.repeat(64), attestedBy: 'CISO', attestedOn: '2026-09-01', renewBy: '2027-09-01', status: 'current' as const, requirements: [{ framework: 'hipaa' as const, requirement: '164.316(a)' }], controls: [], providerEvidence: [] }],
    };
    const vm = buildViewModel(withExtras, signer);
    expect(vm.exceptions).toHaveLength(1);
    expect(vm.manualEvidence).toEqual([expect.objectContaining({ suppliedFor: ['HIPAA 164.316(a)'], file: 'manual/policy.pdf', renewalDate: '2027-09-01' })]);
    const text = await loadNarrative(vm);
    const wording = text.exception(vm.exceptions![0]);
    expect(wording).toContain('Resource notebook-000000 is excepted from control control-0');
    expect(wording).toContain('CISO Jane Roe');
    expect(wording).toContain('valid until 2027-03-31');
    expect(wording).toContain('1 failing finding');
    // Every manual requirement is a PBC request: what to supply, with the reason the report needs it.
    expect(vm.pbc.map((p) => p.id)).toEqual(expect.arrayContaining(vm.manualRequests.map((r) => `${r.framework}:${r.id}`)));
    expect(vm.pbc[0].supply).toMatch(/^Attested evidence \(policy, procedure or record/);
    expect(buildViewModel(results, signer).exceptions).toBeUndefined();
  });

  it('narrative templates fill in the run facts', async () => {
    const vm = buildViewModel(results, signer);
    const text = await loadNarrative(vm);
    expect(text.scope).toContain(results.run.scope.accounts[0]);
    expect(text.scope).toContain('2026-11-20 02:00:00 UTC');
    expect(text.executiveSummary).toContain(`${results.summary.findings.fail} failing`);
    expect(text.frameworkIntro(vm.frameworks[0])).toContain(vm.frameworks[0].name);
    expect(text.methodology).toContain('fails closed');
  });
});
