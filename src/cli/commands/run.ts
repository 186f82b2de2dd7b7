// `proofline run`: one evidence run, written as a package under --out.
import type { Command } from 'commander';
import { loadProjectCatalog } from '../../catalog/load-project-catalog.ts';
import { snapshotSource } from '../../collect/source.ts';
import { liveSource, NoCredentialsError } from '../../collect/live/live-source.ts';
import { loadConfig } from '../../config/load-config.ts';
import { runEvidence } from '../../run/run-evidence.ts';
import { writePackage } from '../../store/write-package.ts';
import { UsageError } from '../exit-codes.ts';
import { formatRunSummary } from '../format-summary.ts';

interface RunFlags {
  source?: string;
  out: string;
  config?: string;
  regions?: string;
  profile?: string;
  evaluatedAt?: string;
}

const SAMPLE_HINT = 'To try Proofline without AWS credentials, run it on the bundled sample account:\n  npm run demo\n  (or: npx proofline run --source samples/sample-account --out out)';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Collect evidence (from AWS or a recorded snapshot), evaluate every control and write an evidence package')
    .option('--source <dir>', 'replay a recorded snapshot folder instead of calling AWS')
    .option('--out <dir>', 'folder to write the package into', 'out')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--regions <list>', 'comma-separated regions (overrides the config)')
    .option('--profile <name>', 'AWS shared config profile (live runs)')
    .option('--evaluated-at <iso>', 'judge ages (e.g. key age) as of this UTC time instead of now')
    .action(async (flags: RunFlags) => {
      const config = await loadConfig(flags.config);
      const regions = flags.regions ? flags.regions.split(',').map((s) => s.trim()).filter(Boolean) : config.regions;
      let evaluatedAt: Date | undefined;
      if (flags.evaluatedAt) {
        evaluatedAt = new Date(flags.evaluatedAt);
        if (Number.isNaN(evaluatedAt.getTime())) throw new UsageError(`--evaluated-at: "${flags.evaluatedAt}" is not a date`);
      }
      const project = await loadProjectCatalog();
      let source;
      if (flags.source) {
        source = await snapshotSource(flags.source, regions);
      } else {
        try {
          source = await liveSource({ profile: flags.profile, regions });
        } catch (err) {
          if (err instanceof NoCredentialsError) throw new UsageError(`No AWS credentials were found (${err.message}).\n${SAMPLE_HINT}`);
          throw err;
        }
      }
      const { results, records } = await runEvidence({ ...project, source, config, evaluatedAt });
      const path = await writePackage(flags.out, { results, records });
      process.stdout.write(formatRunSummary(results, path));
    });
}
