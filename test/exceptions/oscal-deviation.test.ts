import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { applyExceptions } from '../../src/exceptions/apply-exceptions.ts';
import { buildOscal } from '../../src/render/oscal/render-oscal.ts';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

// ajv-formats is CommonJS with an ES default export; tsx and tsc see it differently.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const SCHEMA = fileURLToPath(new URL('../fixtures/oscal/oscal_assessment-results_schema-1.0.6.json', import.meta.url));
const signer = { subject: 'CN=test', issuer: 'CN=test', fingerprintSha256: '0'.repeat(64), selfSigned: true, source: 'test' } as never;

describe('exceptions in OSCAL', () => {
  it('active exceptions are risks with status deviation-approved; expired ones are not', async () => {
    const { results } = syntheticRun({ findings: 200, controls: 6 });
    const failing = results.findings.find((f) => f.status === 'fail')!;
    const other = results.findings.find((f) => f.status === 'fail' && f.controlId !== failing.controlId)!;
    const base = { justification: 'compensating control in place', approver: 'CISO', approvedOn: '2026-09-01' };
    const withExceptions = applyExceptions(results, [
      { id: 'EXC-1', controlId: failing.controlId, resource: failing.resource.id, expiresOn: '2027-01-31', ...base },
      { id: 'EXC-2', controlId: other.controlId, resource: '*', expiresOn: '2026-10-01', ...base },
    ], new Date('2026-11-20T02:00:00Z'));
    const doc = buildOscal(buildViewModel(withExceptions, signer), withExceptions) as any;
    const risks = doc['assessment-results'].results[0].risks as any[];
    const deviations = risks.filter((r) => r.status === 'deviation-approved');
    expect(deviations).toHaveLength(1);
    expect(deviations[0]).toMatchObject({ title: `Accepted risk EXC-1: ${failing.controlId}`, description: 'compensating control in place', deadline: '2027-01-31T23:59:59Z' });
    expect(deviations[0].statement).toMatch(/Approved by CISO on 2026-09-01, until 2027-01-31; covers 1 failing finding/);
    // The control's own risk stays open: accepted findings are still failures.
    expect(risks.find((r) => r.props.some((p: any) => p.name === 'control-id' && p.value === failing.controlId) && r.status === 'open')).toBeDefined();
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});
