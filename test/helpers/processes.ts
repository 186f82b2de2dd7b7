// Long-running child processes for tests (workers): a TypeScript script started with tsx, or the CLI
// (cli-command.ts), their stdout watched line by line, stopped with a signal of the test's choosing, and
// always stopped when the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cliNodeArgs, ROOT } from './cli-command.ts';

export { ROOT };

export interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the first stdout line (seen or to come) that passes the test. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const started = new Set<Child>();

export function startTsx(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  return start(script, ['--import', 'tsx', script, ...args], env);
}

/** The CLI (`proofline <args>`) as a long-running child. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  return start('proofline', [...cliNodeArgs(), ...args], env);
}

function start(script: string, nodeArgs: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, nodeArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (!w.test(line)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    process: proc,
    lines,
    waitForLine: (test, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(test);
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(() => reject(new Error(`no matching line from ${script} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      }),
    async stop(signal = 'SIGTERM') {
      started.delete(child);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  started.add(child);
  return child;
}

/** Stops every child a test started and did not stop itself. */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((c) => c.stop('SIGKILL')));
}
