// Worker processes for the benchmark: started, waited for until they claim shards, stopped with SIGTERM,
// and their statistics (calls, throttles, CPU) read back from the files they write on exit.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface WorkerStats {
  cpuSeconds: number;
  attempts: number;
  throttles: number;
  answered: [string, string, string, string][];
}

export async function startWorkers(n: number, queueUrl: string, concurrency: number, dir: string): Promise<{ stop(): Promise<WorkerStats[]> }> {
  const procs = Array.from({ length: n }, (_, i) => {
    const stats = join(dir, `worker-${i}.json`);
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/workers/synthetic-worker.ts', queueUrl, String(concurrency)], { cwd: ROOT, env: { ...process.env, PROOFLINE_SIM_STATS: stats }, stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = new Promise<void>((resolve, reject) => {
      createInterface({ input: proc.stdout! }).on('line', (line) => line.includes('"ready"') && resolve());
      proc.once('exit', (code) => reject(new Error(`worker ${i} exited (${code}) before it was ready`)));
    });
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    return { proc, stats, ready, exited };
  });
  await Promise.all(procs.map((p) => p.ready));
  return {
    async stop() {
      for (const p of procs) p.proc.kill('SIGTERM');
      await Promise.all(procs.map((p) => p.exited));
      return Promise.all(procs.map(async (p) => JSON.parse(await readFile(p.stats, 'utf8')) as WorkerStats));
    },
  };
}
