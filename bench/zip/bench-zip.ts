// The zip step alone: wall and CPU of zipFolder over a package folder, or over N evidence-like files
// (copies of the sample account's records under distinct names), and how much of it is CRC-32.
//   npx tsx bench/zip/bench-zip.ts <package-folder>
//   npx tsx bench/zip/bench-zip.ts --synthetic 5000
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { zipFolder } from '../../src/package/zip-package.ts';
import { listPackageFiles } from '../../src/package/package-files.ts';

async function syntheticFolder(n: number): Promise<string> {
  const recordsDir = join(import.meta.dirname, '../../samples/sample-account/records');
  const samples = (await readdir(recordsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name)));
  const dir = mkdtempSync(join(tmpdir(), 'proofline-zip-bench-'));
  for (let i = 0; i < n; i += 1) {
    const sub = join(dir, 'evidence/records', String(i % 50));
    if (i < 50) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `${i}.json`), samples[i % samples.length]!);
  }
  return dir;
}

async function measure(dir: string): Promise<void> {
  const files = await listPackageFiles(dir);
  const bytes = files.reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0);
  const out = join(tmpdir(), `proofline-zip-bench-${process.pid}.zip`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await zipFolder(dir, 'package', out);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  rmSync(out);
  const buffers = files.map((f) => readFileSync(join(dir, f)));
  const t1 = performance.now();
  for (const b of buffers) zlib.crc32(b);
  const nativeCrc = performance.now() - t1;
  // yazl's own CRC (buffer-crc32, JavaScript), resolved from yazl's folder as yazl resolves it.
  const jsCrc32 = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as { unsigned(b: Buffer): number };
  const t2 = performance.now();
  for (const b of buffers) jsCrc32.unsigned(b);
  const jsCrc = performance.now() - t2;
  console.log(JSON.stringify({ files: files.length, mb: +(bytes / 1e6).toFixed(1), wallMs: Math.round(wall), cpuMs: Math.round((cpu.user + cpu.system) / 1000), nativeCrcMs: +nativeCrc.toFixed(1), yazlJsCrcMs: +jsCrc.toFixed(1), load: loadavg().map((l) => +l.toFixed(2)), node: process.version }));
}

const [arg, n] = process.argv.slice(2);
if (arg === '--synthetic') {
  const dir = await syntheticFolder(Number(n ?? 5000));
  try {
    await measure(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (arg) await measure(arg);
else throw new Error('usage: bench-zip.ts <package-folder> | --synthetic <files>');
