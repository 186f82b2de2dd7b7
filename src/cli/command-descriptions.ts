// One line per command: shown in `proofline --help` (without loading the command) and by the command's
// own help. Kept apart from the command table so command modules can read it without an import cycle.
export const COMMAND_DESCRIPTIONS = {
  run: 'Collect evidence (from AWS or a recorded snapshot), evaluate every control and write an evidence package',
  record: 'Collect evidence and save it as a snapshot folder that `run --source` can replay',
  catalog: 'List the controls, the practices they implement and the framework requirements they map to',
  verify: 'Check a package (folder or .zip): manifest signature, every file digest, no missing or extra files, the PDF signature, and who signed it',
  schedule: "Run evidence collection on the config's cron schedule, keep every run in the history, apply retention, deliver and notify",
  history: 'The run history kept by `proofline schedule` (dataDir/history.sqlite)',
  diff: 'What changed between two recorded runs: new failures, fixed, new resources, evidence that became unavailable',
  report: 'Period report over the stored runs of an observation window: share of runs met, state changes, time to remediate, trend',
  worker: 'Collect the shards of runs started with `run --queue`, storing their evidence where each run says',
} as const;

export type CommandName = keyof typeof COMMAND_DESCRIPTIONS;

export function describeCommand(name: CommandName): string {
  return COMMAND_DESCRIPTIONS[name];
}
