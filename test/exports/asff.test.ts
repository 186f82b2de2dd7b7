// ASFF export of the sample run: every failing and unknown finding, each with ASFF's required
// top-level attributes (AWS Security Hub user guide, "Required top-level ASFF attributes") within
// their limits, requirement citations from the control's mappings, and the file in the signed package.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStep } from '../../src/package/export-step.ts';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { asffFindings, defaultProductArn, partitionOf } from '../../src/render/exports/asff.ts';
import { EXPORT_FILES } from '../../src/render/exports/write-exports.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { samplePackage, type BuiltPackage } from '../package/package-fixture.ts';

/** The attributes every finding must carry (BatchImportFindings rejects a finding without one). */
const REQUIRED = ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'Types', 'CreatedAt', 'UpdatedAt', 'Severity', 'Title', 'Description', 'Resources'] as const;

let pkg: BuiltPackage;
let results: RunResults;
let findings: AwsSecurityFinding[];
beforeAll(async () => {
  pkg = await samplePackage([exportStep({ formats: ['asff', 'ocsf'] })]);
  results = JSON.parse(await readFile(join(pkg.dir, 'results.json'), 'utf8')) as RunResults;
  findings = [...asffFindings(results)];
});
afterAll(() => pkg?.cleanup());

describe('ASFF export', () => {
  it('has one finding per failing or unknown finding, with unique stable ids', () => {
    const expected = results.findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
    expect(findings).toHaveLength(expected.length);
    expect(findings.length).toBeGreaterThan(100);
    expect(findings.map((f) => f.Id)).toEqual(expected.map((f) => `proofline/${f.id}`));
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
  });

  it('carries every required attribute, non-empty and within its limits', () => {
    for (const f of findings) {
      for (const field of REQUIRED) expect(f[field], `${f.Id}: ${field}`).toBeTruthy();
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.Id!.length).toBeLessThanOrEqual(512);
      expect(f.Title!.length).toBeLessThanOrEqual(256);
      expect(f.Description!.length).toBeLessThanOrEqual(1024);
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect(f.Types!.length).toBeGreaterThan(0);
      for (const t of f.Types!) expect(t.split('/')).toHaveLength(3);
      expect(Date.parse(f.CreatedAt!)).toBeLessThanOrEqual(Date.parse(f.UpdatedAt!));
      expect(new Date(f.UpdatedAt!).toISOString()).toBe(f.UpdatedAt);
      expect(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']).toContain(f.Severity!.Label);
      expect(f.FindingProviderFields).toEqual({ Severity: f.Severity, Types: f.Types });
      expect(f.Resources!.length).toBeGreaterThan(0);
      for (const r of f.Resources!) {
        expect(r.Type).toBeTruthy();
        expect(r.Id).toBeTruthy();
        expect(r.Partition).toBe('aws');
      }
      expect(f.Remediation!.Recommendation!.Text!.length).toBeLessThanOrEqual(512);
      expect(Object.keys(f.ProductFields!).length).toBeLessThanOrEqual(50);
    }
  });

  it('imports each finding through the default product of its account, in its resource Region (global: the home Region)', () => {
    const home = results.run.scope.regions[0];
    for (const [i, f] of findings.entries()) {
      const source = results.findings.filter((x) => x.status === 'fail' || x.status === 'unknown')[i];
      const region = source.region === 'global' ? home : source.region;
      expect(f.ProductArn).toBe(defaultProductArn(region, source.account));
      expect(f.ProductArn).toBe(`arn:aws:securityhub:${region}:${source.account}:product/${source.account}/default`);
      expect(f.Resources![0].Region).toBe(region);
    }
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect([...asffFindings(results, { homeRegion: 'eu-central-1' })].filter((f) => f.ProductArn!.includes(':eu-central-1:')).length).toBe(results.findings.filter((x) => (x.status === 'fail' || x.status === 'unknown') && x.region === 'global').length);
  });

  it('states compliance: FAILED or NOT_AVAILABLE (unknown), with the requirements the control maps to, primary first', () => {
    const controls = new Map(results.controls.map((c) => [c.id, c]));
    const short: Record<string, string> = { gdpr: 'GDPR', hipaa: 'HIPAA', soc2: 'SOC 2' };
    for (const f of findings) {
      const status = f.ProductFields!['proofline/Status'];
      expect(f.Compliance!.Status).toBe(status === 'fail' ? 'FAILED' : 'NOT_AVAILABLE');
      const control = controls.get(f.ProductFields!['proofline/ControlId'])!;
      const cited = control.mappings.filter((m) => results.run.frameworks.includes(m.framework));
      const expected = [...cited.filter((m) => m.strength === 'primary'), ...cited.filter((m) => m.strength === 'supporting')].map((m) => `${short[m.framework]} ${m.requirement}`);
      expect(f.Compliance!.RelatedRequirements).toEqual(expected.slice(0, 32));
      expect(f.GeneratorId).toBe(`proofline/${control.id}`);
      expect(f.Severity!.Original).toBe(control.severity);
      expect(f.Title).toBe(control.title.slice(0, 256));
    }
    const unknown = findings.filter((f) => f.Compliance!.Status === 'NOT_AVAILABLE');
    expect(unknown.length).toBe(results.findings.filter((f) => f.status === 'unknown').length);
    for (const f of unknown) expect(f.Description).toMatch(/^Could not be evaluated: /);
  });

  it('maps account-level and known resource types to ASFF types, others to Other with the CloudFormation type kept', () => {
    const account = findings.find((f) => f.ProductFields!['proofline/FindingId'].includes('/root') || f.Resources![0].Type === 'AwsAccount')!;
    expect(account.Resources![0].Id).toBe(`AWS::::Account:${account.AwsAccountId}`);
    const fn = findings.find((f) => f.Resources![0].Details!.Other!['proofline/ResourceType'] === 'AWS::Lambda::Function')!;
    expect(fn.Resources![0]).toMatchObject({ Type: 'AwsLambdaFunction', Id: expect.stringMatching(/^arn:aws:lambda:[\w-]+:\d{12}:function:/) });
    const bucket = findings.find((f) => f.Resources![0].Details!.Other!['proofline/ResourceType'] === 'AWS::S3::Bucket')!;
    expect(bucket.Resources![0]).toMatchObject({ Type: 'AwsS3Bucket' });
    expect(bucket.Resources![0].Id).toMatch(/^arn:aws:s3:::/);
    const other = findings.find((f) => f.Resources![0].Type === 'Other')!;
    expect(other.Resources![0].Details!.Other!['proofline/ResourceType']).toMatch(/^AWS::/);
  });

  it('is written into the package as exports/asff-findings.json, listed in the signed manifest', async () => {
    const file = JSON.parse(await readFile(join(pkg.dir, EXPORT_FILES.asff), 'utf8')) as AwsSecurityFinding[];
    expect(file).toEqual(findings);
    const manifest = JSON.parse(await readFile(join(pkg.dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([EXPORT_FILES.asff, EXPORT_FILES.ocsf]));
    const report = await verifyPackage(pkg.dir, { pdfsig: false });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
