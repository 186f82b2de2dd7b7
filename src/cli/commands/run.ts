// `proofline run`: one evidence run, written as a package under --out. The flags are checked before
// the pipeline is loaded (run-action.ts), so a mistyped flag is refused at once.
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { addQueueOptions } from './queue-options.ts';
import { addSourceOptions } from './source-flags.ts';
import { checkRunFlags, type RunFlags } from './run-flags.ts';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description(describeCommand('run'))
    .option('--out <dir>', 'folder to write the package into', 'out')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--evaluated-at <iso>', 'judge ages (e.g. key age) as of this UTC time instead of now')
    .option('--only <part>', 'results: write only results.json with its detached signature (no evidence, reports, portal or zip; not an audit package), for pipelines')
    .option('--format <formats>', 'also write exports into the package: asff (AWS Security Hub findings), ocsf (OCSF Compliance Finding events), comma-separated');
  addQueueOptions(addSourceOptions(cmd)).action(async (flags: RunFlags) => {
    const { evaluatedAt } = checkRunFlags(flags);
    const { runCommand } = await import('./run-action.ts');
    await runCommand(flags, evaluatedAt);
  });
}
