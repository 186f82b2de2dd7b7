// `proofline history list|verify`, `proofline diff <run> <run>` and `proofline report --from --to`.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { loadConfig } from '../../config/load-config.ts';
import type { ProoflineConfig } from '../../config/config-schema.ts';
import { buildPeriodReport, PERIOD_REPORT_FILE, writePeriodReport } from '../../history/build-period-report.ts';
import { diffRuns, type RunDiff } from '../../history/diff-runs.ts';
import { resolvePeriod } from '../../history/period-window.ts';
import { renderPeriodPdf } from '../../history/render-period-pdf.ts';
import { renderPeriodXlsx } from '../../history/render-period-xlsx.ts';
import { signDetached } from '../../sign/detached-cms.ts';
import { confinedPath } from '../../util/confined-path.ts';
import { resolveSigningIdentity } from '../../sign/resolve-identity.ts';
import type { HistoryStore } from '../../history/history-store.ts';
import { openExistingHistory } from '../../history/open-history.ts';
import { verifyHistory } from '../../history/verify-history.ts';
import { returnsExitCode } from '../command-outcome.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes.ts';

/** Reading commands open an existing history only (a mistyped dataDir is an error, not an empty history). */
async function withStore<T>(config: ProoflineConfig, fn: (store: HistoryStore) => Promise<T>): Promise<T> {
  const store = await openExistingHistory(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Shared with `verify --history`. */
export async function verifyHistoryCommand(configFile: string | undefined): Promise<number> {
  const config = await loadConfig(configFile);
  return withStore(config, async (store) => {
    const v = await verifyHistory(store);
    for (const n of v.notes) process.stdout.write(`note  ${n}\n`);
    for (const p of v.problems) process.stdout.write(`FAIL  ${p.seq ? `run #${p.seq}` : 'history'}${p.runId ? ` (${p.runId})` : ''}: ${p.problem}\n`);
    process.stdout.write(v.ok ? `ok    history of ${v.runs} run(s) is intact (keyed chain verified); ${v.checkedPackages} package(s) checked against their recorded manifest digest\n` : `\nhistory verification FAILED (${v.problems.length} problem(s))\n`);
    return v.ok ? EXIT_OK : EXIT_FAILURE;
  });
}

function formatDiff(d: RunDiff): string {
  const f = (x: RunDiff['newFailures'][number]) => `    ${x.controlId}  ${x.account}/${x.region}  ${x.resource.id}${x.exception ? `  [${x.exception.status === 'accepted' ? 'accepted risk' : 'exception expired'}: ${x.exception.id}]` : ''}`;
  const lines = [`Changes from run ${d.from.id} (${d.from.startedAt}) to ${d.to.id} (${d.to.startedAt})`];
  const section = (title: string, items: string[]) => lines.push(`  ${title}: ${items.length}`, ...items);
  section('new failures', d.newFailures.map(f));
  section('fixed', d.fixed.map(f));
  section('failures whose resource is gone', d.failuresGone.map(f));
  section('new resources', d.newResources.map((r) => `    ${r.type}  ${r.account}/${r.region}  ${r.id}`));
  section('removed resources', d.removedResources.map((r) => `    ${r.type}  ${r.account}/${r.region}  ${r.id}`));
  section('evidence that became unavailable', d.evidenceUnavailable.map((e) => `    ${e.key}  ${e.account}/${e.region}${e.error ? `  ${e.error}` : ''}`));
  section('evidence available again', d.evidenceRestored.map((e) => `    ${e.key}  ${e.account}/${e.region}`));
  section('control status changes', d.controls.map((c) => `    ${c.id}: ${c.from} -> ${c.to}`));
  section('requirement status changes', d.requirements.map((r) => `    ${r.framework} ${r.id}: ${r.from} -> ${r.to}`));
  return `${lines.join('\n')}\n`;
}

export function registerHistory(program: Command): void {
  const history = program.command('history').description(describeCommand('history'));
  history
    .command('list')
    .description('List the recorded runs')
    .option('--config <file>', 'proofline.config.yaml')
    .action(async (flags: { config?: string }) => {
      const config = await loadConfig(flags.config);
      await withStore(config, async (store) => {
        for (const e of await store.runs()) {
          const s = e.summary as { findings?: { fail: number; unknown: number } } | undefined;
          process.stdout.write(`#${e.seq}  ${e.id}  ${e.startedAt}  ${e.status}${e.error ? ` (${e.error})` : ''}${s?.findings ? `  ${s.findings.fail} fail, ${s.findings.unknown} unknown` : ''}${e.prunedAt ? '  [package removed by retention]' : e.packagePath ? `  ${e.packagePath}` : ''}\n`);
        }
      });
    });
  history
    .command('verify')
    .description('Check the history hash chain and every kept package against its recorded manifest digest')
    .option('--config <file>', 'proofline.config.yaml')
    .action(returnsExitCode((flags: { config?: string }) => verifyHistoryCommand(flags.config)));

  program
    .command('diff')
    .description(describeCommand('diff'))
    .argument('<from>', 'run id (or a unique prefix), #seq number, or "latest" (the latest run with results)')
    .argument('<to>', 'run id (or a unique prefix), #seq number, or "latest" (the latest run with results)')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--json', 'print the diff as JSON')
    .action(async (fromRef: string, toRef: string, flags: { config?: string; json?: boolean }) => {
      const config = await loadConfig(flags.config);
      await withStore(config, async (store) => {
        const load = async (ref: string) => {
          const entry = await store.run(ref.replace(/^#/, ''));
          if (!entry && ref === 'latest') throw new UsageError({ file: store.location, message: 'no run with stored results is in the history; see proofline history list' });
          if (!entry) throw new UsageError({ file: store.location, message: `run "${ref}" is not in the history; see proofline history list` });
          const results = await store.results(entry.id);
          if (!results) throw new UsageError({ file: store.location, message: `run "${ref}" (${entry.id}) has no stored results: it ${entry.status === 'failed' ? `failed (${entry.error})` : 'was recorded without results'}` });
          return results;
        };
        const d = diffRuns(await load(fromRef), await load(toRef));
        process.stdout.write(flags.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiff(d));
      });
    });

  program
    .command('report')
    .description(describeCommand('report'))
    .option('--from <date>', 'first day (YYYY-MM-DD, UTC)')
    .option('--to <date>', 'last day (YYYY-MM-DD, UTC, inclusive)')
    .option('--window <name>', 'an observation window named in the config')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--out <dir>', 'folder to write the report into', 'out')
    .action(async (flags: { from?: string; to?: string; window?: string; config?: string; out: string }) => {
      const config = await loadConfig(flags.config);
      const period = resolvePeriod(flags, config.observationWindows);
      const identity = await resolveSigningIdentity(config);
      await withStore(config, async (store) => {
        const report = await buildPeriodReport(store, period, new Date(), { ...(config.schedule ? { schedule: config.schedule } : {}) });
        if (report.runs.succeeded === 0) throw new UsageError({ file: store.location, message: `no succeeded run is recorded between ${period.from} and ${period.to}` });
        const dir = await writePeriodReport(flags.out, report, [
          (tmp, r) => renderPeriodXlsx(confinedPath(tmp, 'period-report.xlsx'), r),
          (tmp, r) => renderPeriodPdf(confinedPath(tmp, 'period-report.pdf'), r, identity, new Date(), { pageSize: config.report?.pageSize }),
          async (tmp) => {
            await writeFile(confinedPath(tmp, 'signer-certificate.pem'), identity.certificatePem);
            await writeFile(confinedPath(tmp, `${PERIOD_REPORT_FILE}.sig`), await signDetached(await readFile(confinedPath(tmp, PERIOD_REPORT_FILE)), identity));
          },
        ]);
        // Ranked only among controls that failed in some run; unknown and manual ones are counted apart.
        const weakest = report.controls.filter((c) => c.evaluation === 'failed').sort((a, b) => a.shareMet! - b.shareMet! || a.id.localeCompare(b.id)).slice(0, 5);
        const notEvaluated = report.controls.filter((c) => c.evaluation === 'not_evaluated').length;
        const c = report.coverage;
        process.stdout.write(
          [
            `Period report ${period.name ? `"${period.name}" ` : ''}${period.from} .. ${period.to}${report.interim ? ' (interim: the window is still open)' : ''}: ${report.runs.succeeded} run(s), ${report.runs.failed} failed run(s)`,
            `  coverage: ${c.expected === null ? c.scheduleNote ?? 'no expected runs' : `${c.expected} scheduled run(s) due, ${c.missed} missed`}`,
            `  history chain: ${report.historyVerification.ok ? 'intact' : `BROKEN (${report.historyVerification.problems.length} problem(s); run proofline history verify)`}`,
            `  controls that failed, met least often${weakest.length ? ':' : ': none failed'}`,
            ...weakest.map((x) => `    ${Math.round(x.shareMet! * 100)}%  ${x.id} (${x.failures.length} failure(s), ${x.failures.filter((f) => !f.remediatedAt).length} open)`),
            `  controls not evaluated (unknown or manual in some run): ${notEvaluated}`,
            `Report: ${dir}`,
            '',
          ].join('\n'),
        );
      });
    });
}
