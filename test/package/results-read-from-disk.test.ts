// The package's steps read the run's findings and evidence entries from results.json as they iterate
// them, not from arrays held in memory (issue 14: memory must not grow with the run): what they read is
// what was handed in, the view model built from those rows is the one built from the arrays, and the
// arrays are not kept by the context once results.json is written.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageContext } from '../../src/package/write-package.ts';
import { writePackage } from '../../src/package/write-package.ts';
import type { EvidenceEntry, IterableResults, ResultFinding, RunResults } from '../../src/results/run-results.ts';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import type { ViewModel } from '../../src/render/view-model/view-model.ts';
import { FileRows } from '../../src/util/json-rows.ts';
import { syntheticRun } from './synthetic-run.ts';

const signer = { subject: 'CN=t', issuer: 'CN=t', fingerprintSha256: 'ab', selfSigned: true, source: 'development' } as never;

let work: string;
let handed: RunResults;
let seen: { results: IterableResults; findings: unknown[]; evidence: unknown[]; vm: ReturnType<typeof materialized>; resultsJson: RunResults } | undefined;
let ctx: PackageContext;
let published: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-results-rows-'));
  const run = syntheticRun({ findings: 400, evidence: 300, accounts: 3, controls: 9 });
  // Findings in another order than the report's (results.json keeps any order), so the lists' sorting shows.
  run.results.findings.reverse();
  // What the arrays held, as a copy: writePackage takes the originals.
  handed = JSON.parse(JSON.stringify(run.results)) as RunResults;
  ctx = run;
  published = await writePackage(join(work, 'out'), run, [
    async (dir, stepCtx) => {
      seen = {
        results: stepCtx.results,
        findings: [...stepCtx.results.findings],
        evidence: [...stepCtx.results.evidence],
        // Read while the package is being written: the rows are in its temporary folder until then.
        vm: materialized(buildViewModel(stepCtx.results, signer)),
        resultsJson: JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults,
      };
    },
  ]);
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** A view model's row lists as arrays, to compare with one built from arrays. */
function materialized(vm: ViewModel) {
  return {
    ...vm,
    controls: vm.controls.map((c) => ({ ...c, failing: [...c.failing], unknown: [...c.unknown], evidence: [...c.evidence] })),
    evidence: [...vm.evidence],
    tracker: { ...vm.tracker, team: [...vm.tracker.team], pbc: [...vm.tracker.pbc] },
  };
}

describe("the package's steps read results.json's rows", () => {
  it('hands the steps rows of the package results.json, equal to the findings and evidence handed in', () => {
    expect(seen!.results.findings).toBeInstanceOf(FileRows);
    expect(seen!.results.evidence).toBeInstanceOf(FileRows);
    expect((seen!.results.findings as FileRows<unknown>).path).toMatch(/results\.json$/);
    expect(seen!.findings.length).toBeGreaterThan(300);
    expect(seen!.findings).toEqual(handed.findings);
    expect(seen!.evidence).toEqual(handed.evidence);
    expect(seen!.findings).toEqual(seen!.resultsJson.findings);
  });

  it('builds the same view model from the rows as from the arrays (lists, their order, the appendix)', () => {
    const fromArrays = buildViewModel(handed, signer);
    expect(fromArrays.controls.some((c) => c.failing.length > 1 && c.evidence.length > 1)).toBe(true);
    expect(seen!.vm).toEqual(materialized(fromArrays));
  });

  it("lists each control's failing and unknown findings by account, region and resource, and its cited evidence and the appendix by file", () => {
    const byResource = (a: ResultFinding, b: ResultFinding) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region) || a.resource.id.localeCompare(b.resource.id);
    const byFile = (a: EvidenceEntry, b: EvidenceEntry) => a.file.localeCompare(b.file);
    const entry = new Map(handed.evidence.map((e) => [e.id, e]));
    let reordered = 0;
    for (const c of seen!.vm.controls) {
      const own = handed.findings.filter((f) => f.controlId === c.id);
      const failing = own.filter((f) => f.status === 'fail');
      expect(c.failing).toEqual([...failing].sort(byResource));
      expect(c.unknown).toEqual(own.filter((f) => f.status === 'unknown').sort(byResource));
      const cited = [...new Set(own.flatMap((f) => f.evidence))].flatMap((id) => entry.get(id) ?? []);
      expect(c.evidence).toEqual([...cited].sort(byFile));
      if (JSON.stringify(failing) !== JSON.stringify(c.failing)) reordered++;
      if (JSON.stringify(cited) !== JSON.stringify(c.evidence)) reordered++;
    }
    // The synthetic run's order is not already the report's, so the sorting is tested.
    expect(reordered).toBeGreaterThan(0);
    expect(seen!.vm.evidence).toEqual([...handed.evidence].sort(byFile));
    expect(JSON.stringify(seen!.vm.evidence)).not.toBe(JSON.stringify(handed.evidence));
  });

  it('keeps no array of the findings or evidence in the context once results.json is written', () => {
    expect(Array.isArray(ctx.results.findings)).toBe(false);
    expect(Array.isArray(ctx.results.evidence)).toBe(false);
    expect(ctx.records).toEqual([]);
  });

  it('reads the rows from the published package once writePackage returns (its temporary folder is gone)', () => {
    expect((ctx.results.findings as FileRows<unknown>).path).toBe(join(published, 'results.json'));
    expect((ctx.results.evidence as FileRows<unknown>).path).toBe(join(published, 'results.json'));
    expect([...ctx.results.findings]).toEqual(handed.findings);
    expect([...ctx.results.evidence]).toEqual(handed.evidence);
  });
});
