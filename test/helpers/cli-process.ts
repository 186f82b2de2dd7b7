// Runs the CLI from its TypeScript sources in a child process, as a user would run it (exit code,
// stdout, stderr), without needing the compiled dist/.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARGS = ['--import', 'tsx', 'src/cli/main.ts'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A started CLI child process (for signal tests). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
