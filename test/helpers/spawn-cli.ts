// Runs the CLI as a child process (dist/ when up to date, else the sources: cli-command.ts) with the test's
// environment plus `env`, never throwing on a non-zero exit.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cliNodeArgs, ROOT } from './cli-command.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...cliNodeArgs(), ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
