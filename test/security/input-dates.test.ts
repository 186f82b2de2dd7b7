// An approval or attestation dated after the evaluation time is rejected at load, naming file and
// field; an expiry or renewal more than three years ahead is accepted with a warning.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExceptions } from '../../src/exceptions/load-exceptions.ts';
import { loadManualEvidence } from '../../src/manual-evidence/load-manual-evidence.ts';
import { loadRunInputs } from '../../src/run/load-run-inputs.ts';

const now = new Date('2026-11-20T02:00:00Z');
const base = { id: 'EXC-1', controlId: 'c1', resource: '*', justification: 'j', approver: 'CISO', approvedOn: '2026-09-01', expiresOn: '2027-01-31' };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-dates-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('dates in inputs', () => {
  it('rejects an exception approved after the evaluation day (2099), naming file and field', () => {
    expect(() => parseExceptions({ exceptions: [base, { ...base, id: 'EXC-2', approvedOn: '2099-01-01', expiresOn: '2099-12-31' }] }, 'exceptions.yaml', undefined, now)).toThrow(
      /exceptions\.yaml: field "exceptions\.1\.approvedOn": 2099-01-01 is after the evaluation day 2026-11-20/,
    );
    expect(parseExceptions({ exceptions: [{ ...base, approvedOn: '2026-11-20' }] }, 'e.yaml', undefined, now)).toHaveLength(1);
  });

  it('rejects an attestation dated after the evaluation day, naming the sidecar and field', async () => {
    const folder = join(dir, 'manual-future');
    await cp('samples/manual-evidence', folder, { recursive: true });
    const sidecar = join(folder, 'information-security-policy-v3.pdf.attestation.yaml');
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace(/attestedOn: .*/, 'attestedOn: 2099-03-01').replace(/renewBy: .*/, 'renewBy: 2100-03-01'));
    await expect(loadManualEvidence(folder, now)).rejects.toThrow(/information-security-policy-v3\.pdf\.attestation\.yaml: field "attestedOn": 2099-03-01 is after the evaluation day 2026-11-20/);
  });

  it('warns about an expiry or renewal more than three years ahead', async () => {
    const folder = join(dir, 'manual-far');
    await cp('samples/manual-evidence', folder, { recursive: true });
    const sidecar = join(folder, 'information-security-policy-v3.pdf.attestation.yaml');
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace(/renewBy: .*/, 'renewBy: 2099-03-01'));
    const exceptionsFile = join(dir, 'exceptions.yaml');
    await writeFile(exceptionsFile, JSON.stringify({ exceptions: [base, { ...base, id: 'EXC-2', expiresOn: '2029-11-21' }, { ...base, id: 'EXC-3', expiresOn: '2029-11-20' }] }));
    const inputs = await loadRunInputs({ exceptionsFile, manualEvidenceDir: folder }, now);
    expect(inputs.warnings).toEqual([
      `${exceptionsFile}: field "exceptions.1.expiresOn": 2029-11-21 is more than 3 years after 2026-11-20; check the date`,
      `${sidecar}: field "renewBy": 2099-03-01 is more than 3 years after 2026-11-20; check the date`,
    ]);
    expect((await loadRunInputs({ exceptionsFile: 'samples/exceptions.yaml', manualEvidenceDir: 'samples/manual-evidence' }, now)).warnings).toBeUndefined();
  });
});
