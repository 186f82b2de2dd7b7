// Peak memory of rendering a whole package (report.pdf, control-gaps.xlsx, OSCAL, results.json,
// manifest + signatures, zip) for a synthetic run with many findings. Not a timed test: run it by hand
//   npx tsx bench/render-memory.ts [findings=100000] [--limit-mb=400]
// It prints peak RSS (process.resourceUsage().maxRSS) and exits 1 when the limit is exceeded.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportsStep } from '../src/package/render-package.ts';
import { developmentIdentity } from '../src/sign/dev-identity.ts';
import { signPackageStep } from '../src/package/sign-package.ts';
import { writePackage } from '../src/package/write-package.ts';
import { syntheticRun } from '../test/package/synthetic-run.ts';

const args = process.argv.slice(2);
const findings = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const limitMb = Number(args.find((a) => a.startsWith('--limit-mb='))?.split('=')[1] ?? 400);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024); // maxRSS is in KiB

const work = await mkdtemp(join(tmpdir(), 'proofline-bench-'));
try {
  const identity = await developmentIdentity(join(work, 'home'), 'Bench');
  const ctx = syntheticRun({ findings, controls: 60, evidence: 2_000, accounts: 20 });
  const afterSynth = peakMb();
  const t0 = Date.now();
  const stages: string[] = [];
  const timed = (name: string, step: ReturnType<typeof renderReportsStep>): ReturnType<typeof renderReportsStep> => async (dir, c) => {
    const s = Date.now();
    await step(dir, c);
    stages.push(`${name} ${((Date.now() - s) / 1000).toFixed(1)}s (peak RSS so far ${peakMb()} MB)`);
  };
  const dir = await writePackage(join(work, 'out'), ctx, [timed('render', renderReportsStep({ identity })), timed('sign', signPackageStep({ identity }))], { zip: true });
  const size = async (f: string) => mb((await stat(join(dir, f))).size);
  const peak = peakMb();
  console.log(`findings: ${ctx.results.findings.length} (${ctx.results.summary.findings.fail} failing, ${ctx.results.summary.findings.unknown} unknown), evidence records: ${ctx.records.length}`);
  console.log(`peak RSS after synthesizing the run: ${afterSynth} MB`);
  for (const s of stages) console.log(`  ${s}`);
  console.log(`report.pdf ${await size('report.pdf')} MB, control-gaps.xlsx ${await size('control-gaps.xlsx')} MB, results.json ${await size('results.json')} MB; total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`peak RSS: ${peak} MB (limit ${limitMb} MB) -> ${peak <= limitMb ? 'OK' : 'OVER'}`);
  if (peak > limitMb) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
