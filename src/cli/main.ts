// The process entry point and the only place that exits: runs the CLI and ends with its exit code.
import { runCli } from './run-cli.ts';

// The SDK warns that Node 20 support ends in 2027; the machines run Node 20 and the pinned SDK supports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const code = await runCli(process.argv);
// Success ends when the event loop is empty (stdout fully written); a failure ends now, as before.
if (code !== 0) process.exit(code);
