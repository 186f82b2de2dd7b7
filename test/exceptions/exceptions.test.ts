import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyExceptions } from '../../src/exceptions/apply-exceptions.ts';
import { ExceptionsError, loadExceptions, parseExceptions } from '../../src/exceptions/load-exceptions.ts';
import { fakeResults } from '../history/fake-results.ts';

const now = new Date('2026-11-20T02:00:00Z');
const base = { id: 'EXC-1', controlId: 'c1', resource: 'sandbox-*', justification: 'synthetic data only', approver: 'CISO', approvedOn: '2026-09-01', expiresOn: '2027-01-31' };
const results = () =>
  fakeResults('run', now.toISOString(), [
    { control: 'c1', resource: 'sandbox-1', status: 'fail' },
    { control: 'c1', resource: 'prod-1', status: 'fail' },
    { control: 'c1', resource: 'sandbox-2', status: 'pass' },
    { control: 'c2', resource: 'sandbox-1', status: 'fail' },
  ]);

describe('exceptions', () => {
  it('loads the sample exceptions file', async () => {
    const list = await loadExceptions('samples/exceptions.yaml');
    expect(list.map((e) => e.id)).toEqual(['EXC-001', 'EXC-002', 'EXC-003']);
    expect(list[0].approvedOn).toBe('2026-09-15');
  });

  it('marks matching failures as accepted risk without changing their status or hiding them', () => {
    const out = applyExceptions(results(), parseExceptions({ exceptions: [base] }, 'x.yaml'), now);
    expect(out.findings).toHaveLength(4);
    const sandbox = out.findings.find((f) => f.controlId === 'c1' && f.resource.id === 'sandbox-1')!;
    expect(sandbox.status).toBe('fail');
    expect(sandbox.exception).toMatchObject({ id: 'EXC-1', status: 'accepted', approver: 'CISO' });
    expect(out.findings.find((f) => f.resource.id === 'prod-1')!.exception).toBeUndefined();
    expect(out.findings.find((f) => f.resource.id === 'sandbox-2')!.exception).toBeUndefined(); // passes need no exception
    expect(out.findings.find((f) => f.controlId === 'c2')!.exception).toBeUndefined(); // other control
    expect(out.controls.find((c) => c.id === 'c1')).toMatchObject({ status: 'fail', acceptedRisk: 1 });
    expect(out.requirements.soc2?.[0]).toMatchObject({ status: 'not_met', acceptedRisk: 1 });
    expect(out.summary.acceptedRisk).toBe(1);
    expect(out.exceptions).toEqual([expect.objectContaining({ id: 'EXC-1', status: 'active', matchedFindings: 1 })]);
  });

  it('matches ARNs and honours account and region', () => {
    const r = results();
    r.findings[1].resource.arn = 'arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/prod-1';
    const ex = parseExceptions({ exceptions: [{ ...base, resource: 'arn:aws:sagemaker:*:notebook-instance/prod-*', account: '111122223333', region: 'eu-west-1' }, { ...base, id: 'EXC-2', region: 'us-east-1' }] }, 'x.yaml');
    const out = applyExceptions(r, ex, now);
    expect(out.findings[1].exception?.id).toBe('EXC-1');
    expect(out.findings[0].exception).toBeUndefined();
  });

  it('an expired exception stops applying and is flagged', () => {
    const out = applyExceptions(results(), parseExceptions({ exceptions: [{ ...base, expiresOn: '2026-11-19' }] }, 'x.yaml'), now);
    const f = out.findings.find((x) => x.resource.id === 'sandbox-1' && x.controlId === 'c1')!;
    expect(f.exception).toMatchObject({ status: 'expired' });
    expect(out.controls.find((c) => c.id === 'c1')!.acceptedRisk).toBe(0);
    expect(out.summary.acceptedRisk).toBe(0);
    expect(out.exceptions![0]).toMatchObject({ status: 'expired', matchedFindings: 1 });
  });

  it('applies through the whole expiry day', () => {
    const out = applyExceptions(results(), parseExceptions({ exceptions: [{ ...base, expiresOn: '2026-11-20' }] }, 'x.yaml'), now);
    expect(out.exceptions![0].status).toBe('active');
  });

  it('rejects an exception without justification or approver, naming file and field', () => {
    const { justification: _j, ...noJustification } = base;
    expect(() => parseExceptions({ exceptions: [noJustification] }, 'exceptions.yaml')).toThrow(/exceptions\.yaml: field "exceptions\.0\.justification": a justification is required/);
    expect(() => parseExceptions({ exceptions: [base, { ...base, id: 'EXC-2', approver: '  ' }] }, 'exceptions.yaml')).toThrow(/exceptions\.yaml: field "exceptions\.1\.approver": an approver must not be empty/);
    expect(() => parseExceptions({ exceptions: [{ ...base, expiresOn: 'soon' }] }, 'e.yaml')).toThrow(ExceptionsError);
    expect(() => parseExceptions({ exceptions: [{ ...base, expiresOn: '2026-01-01' }] }, 'e.yaml')).toThrow(/expiresOn": must not be before approvedOn/);
    expect(() => parseExceptions({ exceptions: [base, base] }, 'e.yaml')).toThrow(/duplicate id/);
    expect(() => parseExceptions({ exceptions: [base] }, 'e.yaml', new Set(['c2']))).toThrow(/e\.yaml: field "exceptions\.0\.controlId": "c1" is not a control/);
  });

  it('names the file when it cannot be read or parsed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-exc-'));
    await writeFile(join(dir, 'bad.yaml'), 'exceptions: [\n');
    await expect(loadExceptions(join(dir, 'bad.yaml'))).rejects.toThrow(/bad\.yaml: not valid YAML/);
    await expect(loadExceptions(join(dir, 'missing.yaml'))).rejects.toThrow(/missing\.yaml: cannot read/);
  });
});
