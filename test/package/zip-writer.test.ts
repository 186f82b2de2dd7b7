// The package's zip writer (Node's deflate-raw and native CRC-32): what yauzl (used by `proofline
// verify`) and unzip read back is what was written, for small files read whole, a large file streamed
// with a data descriptor, incompressible bytes stored, and more entries than a zip without Zip64 holds.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipFolder } from '../../src/package/zip-package.ts';
import { SMALL_FILE, ZipWriter } from '../../src/package/zip-writer.ts';
import { readZip } from '../helpers/read-zip.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-zip-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('zip writer', () => {
  it('round-trips a package folder: small files, a streamed large file, incompressible bytes', async () => {
    const dir = join(work, 'pkg');
    await mkdir(join(dir, 'evidence/records/a'), { recursive: true });
    const files: Record<string, Buffer> = {
      'results.json': Buffer.from(JSON.stringify({ run: 'x', findings: Array.from({ length: 200 }, (_, i) => ({ i })) })),
      'evidence/records/a/1.json': Buffer.from('{"ok":true}\n'),
      'evidence/records/a/empty.json': Buffer.alloc(0),
      'report.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SMALL_FILE * 3, 'stream '), randomBytes(70_000)]),
      'random.bin': randomBytes(5_000),
      'naïve name.txt': Buffer.from('utf-8 name'),
    };
    for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
    const zipPath = join(work, 'pkg.zip');
    await zipFolder(dir, 'package-1', zipPath);
    const back = await readZip(zipPath);
    expect([...back.keys()].sort()).toEqual(Object.keys(files).map((f) => `package-1/${f}`).sort());
    for (const [name, data] of Object.entries(files)) expect(back.get(`package-1/${name}`)?.equals(data)).toBe(true);
    // Another reader: Info-ZIP's unzip tests every entry's CRC.
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('writes Zip64 end records when there are more than 65,534 entries', async () => {
    const zipPath = join(work, 'many.zip');
    const out = await open(zipPath, 'w');
    const writer = new ZipWriter(out);
    const n = 70_000;
    const at = new Date('2026-11-20T02:00:00Z');
    for (let i = 0; i < n; i++) await writer.addBuffer(`p/${i}.txt`, Buffer.from(String(i)), at);
    await writer.finish();
    await out.close();
    // Every entry is listed from the Zip64 central directory (a 16-bit count would say 4,464); the
    // first and last are read back (reading all 70,000 took ~10 s; the round trip test above reads every byte).
    const back = await readZip(zipPath, (name) => name === 'p/0.txt' || name === 'p/69999.txt');
    expect(back.size).toBe(n);
    expect(back.has('p/35000.txt')).toBe(true);
    expect(back.get('p/69999.txt')!.toString()).toBe('69999');
    expect(back.get('p/0.txt')!.toString()).toBe('0');
  });
});
