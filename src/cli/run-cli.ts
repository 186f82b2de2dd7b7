// Parses the arguments, runs one command and returns the exit code; prints errors for people. Errors
// are data: any InputError (file, field, message), wherever it was thrown, is bad input (exit 2).
import { Command, CommanderError } from 'commander';
import { InputError } from '../util/input-error.ts';
import { TOOL_VERSION } from '../util/version.ts';
import { takeExitCode } from './command-outcome.ts';
import { COMMANDS } from './command-table.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from './exit-codes.ts';
import { limitHeapGrowth } from './heap-growth.ts';

/** The command the arguments name (`help <command>` names its command too), if any. */
function invokedCommand(args: readonly string[]): string | undefined {
  const positional = args.filter((a) => !a.startsWith('-'));
  return positional[0] === 'help' ? positional[1] : positional[0];
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('proofline')
    .description('Signed, auditor-ready evidence packages for GDPR, HIPAA and SOC 2 from AWS accounts running AI workloads')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();
  const entry = COMMANDS.find((c) => c.name === invokedCommand(argv.slice(2)));
  if (entry) (await entry.load())(program);
  // No command (or an unknown one): list them all for help and suggestions, loading none.
  else for (const c of COMMANDS) program.command(c.args ? `${c.name} ${c.args}` : c.name).description(c.description);
  takeExitCode();
  try {
    limitHeapGrowth(process.env);
    await program.parseAsync([...argv]);
    return takeExitCode();
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    const badInput = err instanceof InputError;
    process.stderr.write(`proofline: ${badInput ? '' : 'error: '}${(err as Error)?.message ?? String(err)}\n`);
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}
