// The cost of writing many small files, 32 at a time, through fs/promises' writeFile and through the
// callback form the package uses (src/util/write-many-files.ts): wall time, CPU, and how long the main
// thread was busy. The folder must be on the disk the package is written to.
//   npx tsx bench/files/write-many-files.ts <empty-folder> [files=20000]
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { writeSmallFile } from '../../src/util/write-many-files.ts';

const [root, count = '20000'] = process.argv.slice(2);
if (!root) {
  process.stderr.write('usage: write-many-files.ts <empty-folder> [files]\n');
  process.exit(2);
}
const n = Number(count);
const data = Buffer.alloc(1000, 'x');
console.log(`${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${n} files of ${data.length} bytes, 32 at a time, 100 folders`);
let run = 0;
for (const [name, write] of [['fs/promises writeFile', writeFile], ['callback writeFile', writeSmallFile], ['fs/promises writeFile', writeFile], ['callback writeFile', writeSmallFile]] as const) {
  const dir = join(root, `run-${++run}`);
  for (let d = 0; d < 100; d++) await mkdir(join(dir, String(d)), { recursive: true });
  const cpu0 = process.cpuUsage();
  const loop0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < n) {
      const i = next++;
      await write(join(dir, String(i % 100), `${i}.json`), data);
    }
  }));
  const wall = performance.now() - t0;
  const loop = performance.eventLoopUtilization(loop0);
  const cpu = process.cpuUsage(cpu0);
  console.log(`${name.padEnd(22)} wall ${wall.toFixed(0).padStart(5)} ms   CPU ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms   main thread busy ${loop.active.toFixed(0).padStart(5)} ms`);
}
console.log(`The files stay in ${root}: removing them just before another measurement creates as many files slows it on ext4 without a journal (docs/performance.md).`);
