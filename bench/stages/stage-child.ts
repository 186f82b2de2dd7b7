// One measured stage in its own process, for a clean peak RSS:
//   node --expose-gc --import tsx bench/stages/stage-child.ts <stage> <base-records.ndjson> <accounts> <work-dir>
// Earlier stages run first, unmeasured; then memory is collected, the peak is reset, and the stage
// is timed. Prints one JSON line: { stage, ms, peakRssMb, inputRssMb, findings, records, ... }.
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchCatalog } from './bench-catalog.ts';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { evaluateControls } from '../../src/evaluate/evaluate-controls.ts';
import { mapRequirements } from '../../src/map/map-requirements.ts';
import { writeResultsJson } from '../../src/render/results-json.ts';
import { buildResults } from '../../src/results/build-results.ts';
import { writePackage } from '../../src/package/write-package.ts';
import { runEvidence } from '../../src/run/run-evidence.ts';
import type { Catalog } from '../../src/catalog/load-catalog.ts';
import type { Rule } from '../../src/evaluate/rule.ts';
import type { ProoflineConfig } from '../../src/config/config-schema.ts';
import { SYNTHETIC_RECORDED_AT, SYNTHETIC_REGIONS } from '../generate/plan.ts';
import { floorFiles, floorPdf, floorXlsx } from './floors.ts';
import { recordFile } from '../../src/collect/snapshot/snapshot-format.ts';
import { serializeRecord, unsealRecord } from '../../src/collect/evidence-record.ts';
import { unshapedFontData } from '../../src/render/pdf/pdf-unshaped-font.ts';
import { peakRssMb, resetPeakRss, rssMb } from './peak-rss.ts';
import { loadRenderKit } from './render-stages.ts';
import { accountId, accountRecords, readRecords, replicate } from './stage-input.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { RULE_THRESHOLDS } from '../../src/evaluate/rule-thresholds.ts';
import { limitHeapGrowth } from '../../src/cli/heap-growth.ts';
import { SCAN_DISQUALIFYING_SEVERITIES } from '../../src/manual-evidence/nessus-summary.ts';

export const STAGES = ['evaluate', 'map', 'results', 'json', 'evidence', 'xlsx', 'pdf', 'oscal', 'package', 'floor-xlsx', 'floor-pdf', 'floor-pdf-font', 'floor-files'] as const;
export type Stage = (typeof STAGES)[number];

async function main(stage: Stage, baseFile: string, accounts: number, workDir: string): Promise<Record<string, unknown>> {
  const { catalog, rules, note } = await benchCatalog();
  const config = parseConfig({ organization: 'Proofline benchmark' }, 'bench');
  if (stage === 'package') return { ...(await packageStage(baseFile, accounts, workDir, { catalog, rules, config })), ...(note ? { catalogNote: note } : {}) };
  const input = replicate(await readRecords(baseFile), accounts, SYNTHETIC_REGIONS.map(([r]) => r));
  const { scope } = input;
  let records: EvidenceRecord[] | undefined = input.records;
  const params = { now: SYNTHETIC_RECORDED_AT, allowedRegions: ['eu-west-1', 'eu-central-1'], accessKeyMaxAgeDays: config.accessKeyMaxAgeDays, logRetentionMinDays: config.logRetentionMinDays };
  const at = SYNTHETIC_RECORDED_AT.toISOString();
  const run = { id: 'bench', startedAt: at, finishedAt: at, evaluatedAt: at, tool: { name: 'proofline', version: 'bench' }, organization: config.organization, source: { kind: 'snapshot' as const, location: 'bench' }, scope, regionSelection: { method: 'requested' as const, evidence: [] }, parameters: { allowedRegions: params.allowedRegions, accessKeyMaxAgeDays: params.accessKeyMaxAgeDays, logRetentionMinDays: params.logRetentionMinDays, ...RULE_THRESHOLDS, scanDisqualifyingSeverities: [...SCAN_DISQUALIFYING_SEVERITIES] }, frameworks: config.frameworks, catalogDigest: catalog.digest };
  const out = join(workDir, `${stage}-${process.pid}`);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // Everything before the stage, unmeasured.
  const evaluate = () => evaluateControls(catalog.controls, rules, records!, scope, params);
  const evaluation = stage === 'evaluate' ? undefined : evaluate();
  const requirements = evaluation && stage !== 'map' ? mapRequirements(catalog, evaluation.controls, config.frameworks) : undefined;
  const results = evaluation && requirements && stage !== 'results' ? buildResults(run, catalog, evaluation, requirements, records!) : undefined;
  const findings = evaluation?.findings.length;
  const rows = results ? results.findings.length + results.evidence.length : 0;
  const kit = ['xlsx', 'pdf', 'oscal'].includes(stage) ? await loadRenderKit() : undefined;
  const prepared = kit && results ? await kit.prepare(results, workDir) : undefined;

  const recordCount = records.length;
  input.records = [];
  // floor-files: the evidence folder's bytes, made before the measurement (the floor writes, nothing else).
  const evidenceFiles = stage === 'floor-files' ? records.map((r) => ({ file: recordFile(r.id), data: Buffer.from(serializeRecord(unsealRecord(r))) })) : [];
  if (!['evaluate', 'map', 'results', 'evidence'].includes(stage)) records = undefined;


  let m: Record<string, unknown>;
  switch (stage) {
    case 'evaluate':
      m = await measure(stage, () => evaluate().findings.length);
      break;
    case 'map':
      m = await measure(stage, () => mapRequirements(catalog, evaluation!.controls, config.frameworks));
      break;
    case 'results':
      m = await measure(stage, () => buildResults(run, catalog, evaluation!, requirements!, records!));
      break;
    case 'json':
      m = await measure(stage, () => writeResultsJson(join(out, 'results.json'), results!));
      break;
    case 'evidence':
      m = await measure(stage, () => writeSnapshot(join(out, 'evidence'), records!, scope, { createdAt: at }));
      break;
    case 'xlsx':
    case 'pdf':
    case 'oscal': {
      const render = kit?.[stage];
      if (!render || !prepared?.vm) return { stage, unavailable: `not in the source tree yet (missing: ${kit?.missing.join(', ')})` };
      const file = join(out, stage === 'oscal' ? 'assessment-results.json' : `report.${stage}`);
      m = await measure(stage, () => (stage === 'pdf' ? kit!.pdf!(file, prepared.vm, prepared.text, prepared.identity, SYNTHETIC_RECORDED_AT) : kit![stage]!(file, prepared.vm, results!)));
      break;
    }
    case 'floor-xlsx':
      m = await measure(stage, () => floorXlsx(join(out, 'floor.xlsx'), rows));
      break;
    case 'floor-pdf':
      m = await measure(stage, () => floorPdf(join(out, 'floor.pdf'), rows));
      break;
    case 'floor-files':
      m = await measure(stage, () => floorFiles(join(out, 'evidence'), evidenceFiles));
      break;
    case 'floor-pdf-font': {
      // The same floor in the embedded font report.pdf draws its text with, registered as the report
      // registers it: without the layout tables its unshaped text never uses (pdf-unshaped-font.ts).
      const font = unshapedFontData(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'));
      m = await measure(stage, () => floorPdf(join(out, 'floor.pdf'), rows, font));
      break;
    }
  }
  // The output stays: run-bench.ts removes its work folder once every stage is measured. Removing 48k
  // files here, seconds before the next stage creates as many, made this machine's ext4 (no journal)
  // scan past every recently deleted inode for each file it created: most of the stages' system CPU.
  // Which code was measured: compiled (bench/compiled/, the product from dist/) or the sources through tsx.
  const code = import.meta.url.includes('/.bench-build/') ? 'compiled' : 'tsx';
  return { ...m, accounts, records: recordCount, findings, rows, code, ...(note ? { catalogNote: note } : {}) };
}

async function measure(stage: Stage, fn: () => Promise<unknown> | unknown): Promise<Record<string, unknown>> {
  (globalThis as { gc?: () => void }).gc?.();
  const inputRssMb = rssMb();
  const reset = resetPeakRss();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time beside wall time: on a shared machine the wall time also measures the other processes.
  // User and system CPU apart too: system time here is mostly the file system's, which on this machine
  // varies several-fold for the same files between runs.
  return { stage, ms, cpuMs: (cpu.user + cpu.system) / 1000, userCpuMs: cpu.user / 1000, systemCpuMs: cpu.system / 1000, peakRssMb: peakRssMb(), inputRssMb, peakReset: reset, value: typeof value === 'number' ? value : undefined };
}

/**
 * The package as `proofline run` writes it (render + sign steps, zip), from the input `proofline run`
 * hands it: the run's spool (run/run-evidence.ts), where each account was evaluated and stored as its
 * collection ended. Here each account's records are the base account's under its id, handed over one
 * account at a time as a collection would; nothing of the run is in memory but where its rows are.
 */
async function packageStage(baseFile: string, accounts: number, workDir: string, project: { catalog: Catalog; rules: Map<string, Rule>; config: ProoflineConfig }): Promise<Record<string, unknown>> {
  const base = await readRecords(baseFile);
  const regions = SYNTHETIC_REGIONS.map(([r]) => r);
  const scope = { accounts: Array.from({ length: accounts }, (_, n) => accountId(n)), regions };
  const source = { kind: 'snapshot' as const, location: 'bench', scope, regionSelection: { method: 'requested' as const, evidence: [] }, responder: undefined as never, credentialsFor: undefined as never };
  const config = { ...project.config, allowedRegions: ['eu-west-1', 'eu-central-1'] };
  const run = await runEvidence({
    ...project,
    collectors: [],
    source,
    config,
    now: () => SYNTHETIC_RECORDED_AT,
    workDir,
    collect: async (o) => {
      for (let n = 0; n < accounts; n++) await o.onAccountCollected!(accountId(n), accountRecords(base, n));
      return [];
    },
  });
  base.length = 0;
  const out = join(workDir, `package-${process.pid}`);
  await mkdir(out, { recursive: true });
  const kit = await loadRenderKit();
  const { identity } = await kit.prepare(run.results as never, workDir, true);
  const findings = run.results.findings.length;
  const rows = findings + run.results.evidence.length;
  const recordCount = run.records.length;
  try {
    const m = await measure('package', () => writePackage(out, run, kit.officialSteps!(identity) as never[], { zip: true }));
    const code = import.meta.url.includes('/.bench-build/') ? 'compiled' : 'tsx';
    return { ...m, steps: ['results.json', 'evidence', 'xlsx', 'oscal', 'pdf', 'manifest+signatures', 'zip'], input: 'run spool', accounts, records: recordCount, findings, rows, code };
  } finally {
    await run.dispose();
  }
}

// The heap's growth as `proofline` sets it at start-up (src/cli/heap-growth.ts): stages measure what users run.
limitHeapGrowth();
const [stage, baseFile, accounts, workDir] = process.argv.slice(2);
if (!STAGES.includes(stage as Stage) || !baseFile || !Number(accounts) || !workDir) {
  process.stderr.write(`usage: stage-child.ts <${STAGES.join('|')}> <base-records.ndjson> <accounts> <work-dir>\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await main(stage as Stage, baseFile, Number(accounts), workDir)) + '\n');
