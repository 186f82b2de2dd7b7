// `npm run bench` (or `npm run bench:smoke`): collection against simulated AWS limits, then each
// evaluation and rendering stage in its own process beside the exceljs/pdfkit floors. Prints a
// table and writes bench/results.json (bench/results-smoke.json for the smoke run).
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.ts';
import { compileBench } from './compiled/compile-bench.ts';
import { ensureBaseRecords } from './stages/stage-input.ts';
import { formatReport } from './report.ts';
import type { WorkerBench } from './workers/worker-report.ts';

const smoke = process.argv.includes('--smoke');
const HERE = fileURLToPath(new URL('./', import.meta.url));
const DATA = `${HERE}.data`;
// floor-pdf-font (bare pdfkit in the report's embedded font) and floor-files (the evidence folder's files
// written and deflated, nothing else) are for an informational ratio beside the target, whose floor is
// bare exceljs + pdfkit's standard Helvetica.
const ALL_STAGES = ['evaluate', 'map', 'results', 'json', 'evidence', 'xlsx', 'pdf', 'oscal', 'package', 'floor-xlsx', 'floor-pdf', 'floor-pdf-font', 'floor-files'];
// At both sizes the whole package (writePackage) is measured as well as its parts, so the package
// targets and the 100k / 10k peak ratio compare the same thing: a package's peak is not the largest of
// its parts' peaks (memory a step frees stays with the process for the next one). A stage that exceeds
// the timeout is reported as such.
const PLAN = smoke
  ? { collection: [200], stages: [{ findings: 1000, stages: ['evaluate', 'json', 'floor-xlsx'] }], stageTimeoutMs: 120_000, workers: { accounts: 10, size: 10, counts: '1,2' } }
  : {
      collection: [1000, 10_000],
      stages: [
        { findings: 10_000, stages: ALL_STAGES },
        { findings: 100_000, stages: ['evaluate', 'map', 'results', 'json', 'evidence', 'xlsx', 'oscal', 'floor-xlsx', 'floor-pdf', 'floor-pdf-font', 'floor-files', 'pdf', 'package'] },
      ],
      // A guard against a stage that never ends, not a target: on a shared machine (load 20+ on 2 cores)
      // the 100k PDF needed 31 s of CPU over 338 s of wall time.
      stageTimeoutMs: 900_000,
      // 200 accounts x 4 regions (+ a global shard each): 1,000 shards through the PostgreSQL queue.
      workers: { accounts: 200, size: 20, counts: '1,2,4' },
    };

const log = (s: string) => process.stderr.write(`${s}\n`);
const started = Date.now();
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg().map((l) => +l.toFixed(2)) };

const collection = [];
for (const size of PLAN.collection) {
  log(`collection: ${size} resources...`);
  collection.push(await runChild('bench/collection/bench-collection.ts', [String(size), ...(size >= 10_000 ? ['--machine-floor'] : [])]));
}

log('stages: preparing the base account...');
await mkdir(DATA, { recursive: true });
const base = await ensureBaseRecords(DATA);
// The stages run compiled: the product from dist/ as `proofline` runs it, not through tsx.
log('stages: building dist/ and compiling the benchmark...');
compileBench();
// Findings one base account yields with the current rules: the number of accounts for a target follows.
// Each stage leaves its output in this folder, removed once every stage is measured (stage-child.ts).
// On ext4 without a journal, files created within minutes of as many being deleted cost far more system
// CPU (the inode allocator passes over recently deleted inodes): a bench started soon after another is told.
const REMOVED_AT = `${DATA}/stages-removed-at`;
const lastRemoval = await readFile(REMOVED_AT, 'utf8').then((t) => Date.parse(t.trim()), () => NaN);
const sinceLastRemoval = Number.isFinite(lastRemoval) ? (Date.now() - lastRemoval) / 1000 : undefined;
if (sinceLastRemoval !== undefined && sinceLastRemoval < 300) log(`note: the last bench removed its stage files ${Math.round(sinceLastRemoval)} s ago; on ext4 without a journal, wait 5 minutes between benches for comparable file-writing stages`);
const stageWork = await mkdtemp(`${DATA}/stages-`);
const probe = await runChild('bench/stages/stage-child.ts', ['evaluate', base, '1', stageWork], undefined, true);
const perAccount = Number(probe.value);
const stages: Record<string, any>[] = [];
for (const { findings: target, stages: names } of PLAN.stages) {
  const accounts = Math.max(1, Math.round(target / perAccount));
  for (const stage of names) {
    log(`stages: ${stage} at ~${target} findings (${accounts} accounts)...`);
    stages.push({ target, stage, ...(await runChild('bench/stages/stage-child.ts', [stage, base, String(accounts), stageWork], PLAN.stageTimeoutMs, true)) });
  }
}
await rm(stageWork, { recursive: true, force: true });
await writeFile(REMOVED_AT, `${new Date().toISOString()}\n`);

log(`workers: ${PLAN.workers.accounts} accounts, ${PLAN.workers.counts} worker processes...`);
const workers = (await runChild('bench/workers/bench-workers.ts', [String(PLAN.workers.accounts), String(PLAN.workers.size), PLAN.workers.counts], 3_600_000)) as WorkerBench;

const results = { kind: smoke ? 'smoke' : 'full', finishedAt: new Date().toISOString(), benchSeconds: (Date.now() - started) / 1000, machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)) }, ...(sinceLastRemoval !== undefined ? { secondsSinceLastBenchRemovedItsStageFiles: Math.round(sinceLastRemoval) } : {}), findingsPerBaseAccount: perAccount, collection, stages, workers };
const report = formatReport(results);
await writeFile(`${HERE}${smoke ? 'results-smoke.json' : 'results.json'}`, JSON.stringify({ ...results, targets: report.targets }, null, 2) + '\n');
process.stdout.write(report.text);
