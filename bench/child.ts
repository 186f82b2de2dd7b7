// Runs one benchmark part in a child process (its own memory and clock) and parses its JSON line.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiledArgs } from './compiled/compile-bench.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** `compiled`: run the part from .bench-build/ against dist/ (compiled/compile-bench.ts must have run). */
export function runChild(script: string, args: string[], timeoutMs = 600_000, compiled = false): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', ...(compiled ? compiledArgs(script) : ['--import', 'tsx', script]), ...args],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      (err, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        if (err && (err as { killed?: boolean }).killed) return resolve({ timedOut: true, ms: timeoutMs, args });
        if (err) return reject(new Error(`${script} ${args.join(' ')} failed: ${err.message}\n${stderr.slice(-2000)}`));
        try {
          resolve(JSON.parse(line) as Record<string, any>);
        } catch {
          reject(new Error(`${script} ${args.join(' ')}: no JSON result\n${stdout.slice(-500)}${stderr.slice(-1500)}`));
        }
      },
    );
  });
}
