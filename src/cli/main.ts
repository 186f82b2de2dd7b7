// The process entry point and the only place that exits: runs the CLI and ends with its exit code.
import { shouldExitPromptly } from './command-outcome.ts';
import { runCli } from './run-cli.ts';

// The SDK warns that Node 20 support ends in 2027; the machines run Node 20 and the pinned SDK supports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const code = await runCli(process.argv);
// Success ends when the event loop is empty (stdout fully written); a failure ends now, as before, and so
// does a command stopped by a signal (an abandoned run's calls must not keep the process alive).
if (code !== 0 || shouldExitPromptly()) process.exit(code);
