// Runs the CLI in a child process, as a user would run it (exit code, stdout, stderr): the compiled
// dist/ when it is up to date, else the TypeScript sources (cli-command.ts).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cliNodeArgs, ROOT } from './cli-command.ts';

export { ROOT };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...cliNodeArgs(), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A started CLI child process (for signal tests). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...cliNodeArgs(), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
