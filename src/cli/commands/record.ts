// `proofline record --out <dir>`: collect evidence (from AWS, or re-record a snapshot) and write it as a
// snapshot folder that `proofline run --source <dir>` replays with the same results. The flags are
// checked before the pipeline is loaded (record-action.ts).
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { addSourceOptions } from './source-flags.ts';
import { checkRecordFlags, type RecordFlags } from './record-flags.ts';

export function registerRecord(program: Command): void {
  const cmd = program
    .command('record')
    .description(describeCommand('record'))
    .requiredOption('--out <dir>', 'snapshot folder to write: new, empty, or an earlier snapshot (replaced); any other folder is refused')
    .option('--config <file>', 'proofline.config.yaml')
    .option('--description <text>', 'what this snapshot shows (stored in snapshot.json)');
  addSourceOptions(cmd).action(async (flags: RecordFlags) => {
    checkRecordFlags(flags);
    const { recordCommand } = await import('./record-action.ts');
    await recordCommand(flags);
  });
}
