// The table `npm run bench` prints, and the targets of issue 7 checked against the measurements.
import { formatWorkerBench, workerTargets, type WorkerBench } from './workers/worker-report.ts';

type Row = Record<string, any>;

const f = (n: unknown, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '-');

export type Comparison = '<=' | '<' | '>=' | '=';

export interface Target {
  name: string;
  /** What is measured, its value and the limit as numbers a script can compare; met follows from them. */
  measure: string;
  value: number | null;
  comparison: Comparison;
  limitValue: number;
  unit?: string;
  /** The printed forms. */
  limit: string;
  measured: string;
  /** null: not measured (no finite value); false also when a part of the measurement did not finish. */
  met: boolean | null;
  /** Shown beside the targets to explain one, not a target of its own. */
  informational?: true;
}

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = { '<=': (a, b) => a <= b, '<': (a, b) => a < b, '>=': (a, b) => a >= b, '=': (a, b) => a === b };

/** One target: `incomplete` names what did not finish, so the value is a lower bound and the target is not met. */
export function target(t: { name: string; measure: string; value: number | undefined; comparison: Comparison; limit: number; unit?: string; digits?: number; incomplete?: string }): Target {
  const value = typeof t.value === 'number' && Number.isFinite(t.value) ? t.value : null;
  const unit = t.unit ? ` ${t.unit}` : '';
  const digits = t.digits ?? 2;
  return {
    name: t.name,
    measure: t.measure,
    value,
    comparison: t.comparison,
    limitValue: t.limit,
    ...(t.unit ? { unit: t.unit } : {}),
    limit: `${t.comparison === '=' ? '' : `${t.comparison} `}${f(t.limit, t.comparison === '=' ? 0 : digits)}${unit}`,
    measured: `${f(value, digits)}${unit}${t.incomplete ? ` (${t.incomplete} did not finish: at least this)` : ''}`,
    met: value === null ? null : !t.incomplete && COMPARE[t.comparison](value, t.limit),
  };
}

export function formatReport(r: { machine: Row; collection: Row[]; stages: Row[]; workers?: WorkerBench; benchSeconds: number }): { text: string; targets: Target[] } {
  const lines: string[] = [];
  lines.push(`Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, load ${r.machine.loadAverageAtStart.join('/')} -> ${r.machine.loadAverageAtEnd.join('/')}`);
  lines.push('', 'Collection (simulated AWS: latency + per-operation token buckets, SDK adaptive retry)');
  lines.push(pad(['resources', 'calls', 'calls/res', 'throttles', 'dup', 'avoidable', 'wall s', 'bound s', 'wall/bound', 'machine floor s', 'wall/max(bound,floor)']));
  for (const c of r.collection) {
    const dup = c.duplicates.reduce((a: number, d: Row) => a + d.count, 0);
    const avoid = c.avoidable.reduce((a: number, d: Row) => a + d.count, 0);
    lines.push(pad([c.resources, c.calls, f(c.callsPerResource, 2), c.throttles, dup, avoid, f(c.wallSeconds), f(c.bound.boundSeconds), f(c.ratio, 2), f(c.machineFloorSeconds), f(c.ratioWithMachine, 2)]));
  }
  lines.push('', 'Evaluation and rendering (each stage in its own process; peak RSS reset after inputs are loaded)');
  lines.push(pad(['findings', 'stage', 'ms', 'peak RSS MB', 'inputs RSS MB', 'note']));
  for (const s of r.stages) lines.push(pad([s.findings ?? s.value ?? `~${s.target}`, s.stage, f(s.ms, 0), f(s.peakRssMb, 0), f(s.inputRssMb, 0), s.unavailable ?? (s.timedOut ? `timed out after ${f(s.ms / 1000, 0)} s` : '') + (s.steps ? `steps: ${s.steps.join(', ')}` : '')]));
  if (r.workers) lines.push('', ...formatWorkerBench(r.workers));
  const targets = [...checkTargets(r), ...(r.workers ? workerTargets(r.workers) : [])];
  lines.push('', 'Targets');
  for (const t of targets) lines.push(`  ${t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS'}  ${t.name}: ${t.measured} (${t.informational ? 'for comparison' : 'target'} ${t.limit})`);
  lines.push('', `Benchmark took ${f(r.benchSeconds, 0)} s.`, '');
  return { text: lines.join('\n'), targets };
}

function checkTargets(r: { collection: Row[]; stages: Row[] }): Target[] {
  const out: Target[] = [];
  const c10k = r.collection.find((c) => c.resources === 10_000) ?? r.collection.at(-1);
  if (c10k) {
    out.push(target({ name: `collection wall / limits bound (${c10k.resources} resources)`, measure: 'collection wall time / lower bound the AWS limits impose', value: c10k.ratio, comparison: '<=', limit: 1.3 }));
    const avoidable = c10k.duplicates.length + c10k.avoidable.length;
    out.push(target({ name: 'avoidable calls (duplicates, describes the list already answered)', measure: 'repeated + avoidable calls', value: avoidable, comparison: '=', limit: 0, digits: 0 }));
  }
  const targets = [...new Set(r.stages.map((s) => s.target))].sort((a, b) => a - b);
  const at = (t: number, stage: string) => r.stages.find((s) => s.target === t && s.stage === stage);
  const big = targets.at(-1);
  const small = targets.at(0);
  const floor = (at(big, 'floor-xlsx')?.ms ?? NaN) + (at(big, 'floor-pdf')?.ms ?? NaN);
  const pkgBig = packageFigures(r.stages.filter((s) => s.target === big));
  const pkgSmall = packageFigures(r.stages.filter((s) => s.target === small));
  // Only a measurement that includes the PDF says anything about the package (the smoke run has none).
  if (pkgBig && (pkgBig.how === 'whole package' || pkgBig.how.includes('pdf'))) {
    const incomplete = pkgBig.timedOut.length ? pkgBig.timedOut.join(', ') : undefined;
    out.push(target({ name: `package time / (exceljs + pdfkit floor) at ~${big} findings [${pkgBig.how}]`, measure: 'package ms / (bare exceljs + bare pdfkit ms)', value: pkgBig.ms / floor, comparison: '<=', limit: 1.5, incomplete }));
    // The same package against bare pdfkit drawing the floor's lines in the report's embedded font
    // (fontkit shapes them) instead of the standard Helvetica: what the font costs the library itself.
    const fontFloor = at(big, 'floor-pdf-font');
    if (fontFloor) {
      const value = pkgBig.ms / ((at(big, 'floor-xlsx')?.ms ?? NaN) + (fontFloor.ms ?? NaN));
      const incompleteFont = [...pkgBig.timedOut, ...(fontFloor.timedOut ? ['floor-pdf-font'] : [])].join(', ') || undefined;
      out.push({ ...target({ name: `package time / floor in the report's font (exceljs + pdfkit in DejaVu) at ~${big} findings (informational)`, measure: "package ms / (bare exceljs + bare pdfkit in the report's embedded font ms)", value, comparison: '<=', limit: 1.5, incomplete: incompleteFont }), informational: true });
    }
    // And against the floor of all the work the package cannot avoid: the same rows in exceljs, the same
    // lines in pdfkit in the report's font, and one file per evidence record written and deflated.
    const filesFloor = at(big, 'floor-files');
    if (fontFloor && filesFloor) {
      const value = pkgBig.ms / ((at(big, 'floor-xlsx')?.ms ?? NaN) + (fontFloor.ms ?? NaN) + (filesFloor.ms ?? NaN));
      const incompleteAll = [...pkgBig.timedOut, ...[fontFloor, filesFloor].filter((f) => f.timedOut).map((f) => f.stage)].join(', ') || undefined;
      out.push({ ...target({ name: `package time / floor of the same work (exceljs + pdfkit in the report's font + evidence files written and deflated) at ~${big} findings (informational)`, measure: 'package ms / (bare exceljs + bare pdfkit in the report font + bare evidence files ms)', value, comparison: '<=', limit: 1.5, incomplete: incompleteAll }), informational: true });
    }
    out.push(target({ name: `package peak RSS at ~${big} findings`, measure: 'peak RSS of the package stage', value: pkgBig.peakRssMb, comparison: '<', limit: 400, unit: 'MB', digits: 0, incomplete }));
    if (pkgSmall && small !== big) {
      out.push(target({ name: `package peak RSS ~${big} / ~${small} findings`, measure: 'peak RSS ratio, large / small run', value: pkgBig.peakRssMb / pkgSmall.peakRssMb, comparison: '<=', limit: 1.5, incomplete }));
      // Beside it, what the package itself adds above the inputs the run hands it (the evidence records
      // and results, in memory when the package starts): whether the package's own memory grows with the run.
      const own = (p: typeof pkgBig) => p.peakRssMb - (p.inputRssMb ?? NaN);
      if (pkgBig.inputRssMb !== undefined && pkgSmall.inputRssMb !== undefined) out.push({ ...target({ name: `package peak RSS above its inputs ~${big} / ~${small} findings (informational)`, measure: '(peak RSS - RSS of the inputs held when the package starts) ratio, large / small run', value: own(pkgBig) / own(pkgSmall), comparison: '<=', limit: 1.5, incomplete }), informational: true });
    }
  }
  return out;
}

const PACKAGE_PARTS = ['json', 'evidence', 'xlsx', 'pdf', 'oscal'];

/** The package's time and peak: measured whole when the package stage ran, else the sum of its parts. */
function packageFigures(stages: Row[]): { ms: number; peakRssMb: number; inputRssMb?: number; how: string; timedOut: string[] } | undefined {
  const whole = stages.find((s) => s.stage === 'package');
  if (whole && !whole.timedOut) return { ms: whole.ms, peakRssMb: whole.peakRssMb, inputRssMb: whole.inputRssMb, how: 'whole package', timedOut: [] };
  const parts = stages.filter((s) => PACKAGE_PARTS.includes(s.stage) && !s.unavailable);
  if (!parts.length) return undefined;
  return {
    ms: parts.reduce((a, s) => a + s.ms, 0),
    peakRssMb: Math.max(...parts.map((s) => s.peakRssMb ?? 0)),
    how: `sum of ${parts.map((s) => s.stage).join('+')}`,
    timedOut: parts.filter((s) => s.timedOut).map((s) => s.stage),
  };
}

function pad(cells: unknown[]): string {
  const widths = [10, 10, 10, 12, 13, 40];
  return cells.map((c, i) => String(c).padStart(Math.max(widths[i] ?? 10, 8))).join(' ');
}
