// Every command's name, arguments and how to load it. `proofline --help` lists commands from here
// without importing any of them; a command's module (and the SDK clients, PDF and XLSX libraries
// behind it) is imported only when that command runs.
import type { Command } from 'commander';
import { COMMAND_DESCRIPTIONS, type CommandName } from './command-descriptions.ts';

export interface CommandEntry {
  name: CommandName;
  /** Arguments as commander writes them, shown in the command list. */
  args?: string;
  description: string;
  /** Registers the command (and any sibling commands its module defines) on the program. */
  load: () => Promise<(program: Command) => void>;
}

const history = async () => (await import('./commands/history.ts')).registerHistory;

const LOADERS: Record<CommandName, { args?: string; load: CommandEntry['load'] }> = {
  run: { load: async () => (await import('./commands/run.ts')).registerRun },
  record: { load: async () => (await import('./commands/record.ts')).registerRecord },
  catalog: { load: async () => (await import('./commands/catalog.ts')).registerCatalog },
  verify: { args: '[package]', load: async () => (await import('./commands/verify.ts')).registerVerify },
  schedule: { load: async () => (await import('./commands/schedule.ts')).registerSchedule },
  history: { load: history },
  diff: { args: '<from> <to>', load: history },
  report: { load: history },
  worker: { load: async () => (await import('./commands/worker.ts')).registerWorker },
};

export const COMMANDS: readonly CommandEntry[] = (Object.keys(LOADERS) as CommandName[]).map((name) => ({ name, ...LOADERS[name], description: COMMAND_DESCRIPTIONS[name] }));
