// What one zip entry's deflate costs, in one synchronous call or on libuv's threads, by size: the sample
// account's evidence records (about 1 KB each) and 256 KB of them concatenated (a portal evidence chunk).
// Sets zip-writer.ts's THREAD_DEFLATE_FROM.
//   npx tsx bench/zip/deflate-calls.ts
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRawOnThread = promisify(zlib.deflateRaw);
const recordsDir = join(import.meta.dirname, '../../samples/sample-account/records');
const records = (await readdir(recordsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name)));
const joined = Buffer.concat(records);
const chunks = Array.from({ length: 40 }, (_, i) => {
  const chunk = Buffer.alloc(256 << 10);
  for (let at = 0; at < chunk.length; at += joined.length) joined.copy(chunk, at, (i * 4099) % joined.length);
  return chunk;
});
const options = (b: Buffer) => ({ chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, b.length + 64) });

async function measure(name: string, inputs: Buffer[], rounds: number): Promise<void> {
  for (const way of ['one synchronous call', 'thread pool, 8 at a time'] as const) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      if (way === 'one synchronous call') for (const b of inputs) zlib.deflateRawSync(b, options(b));
      else {
        let next = 0;
        await Promise.all(Array.from({ length: 8 }, async () => {
          while (next < inputs.length) {
            const b = inputs[next++];
            await deflateRawOnThread(b, options(b));
          }
        }));
      }
    }
    const calls = inputs.length * rounds;
    const cpu = process.cpuUsage(cpu0);
    console.log(`${name.padEnd(28)} ${way.padEnd(26)} wall ${((performance.now() - t0) * 1000 / calls).toFixed(1).padStart(7)} us/call   CPU (all threads) ${((cpu.user + cpu.system) / calls).toFixed(1).padStart(7)} us/call`);
  }
}

console.log(`${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; average record ${Math.round(joined.length / records.length)} bytes`);
for (let round = 0; round < 2; round++) {
  await measure(`${records.length} records`, records, 20);
  await measure('40 chunks of 256 KB', chunks, 2);
}
