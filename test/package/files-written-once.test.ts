// The evidence records (and the portal's evidence chunks) are written once: their digests for the
// manifest and their zip entries come from the bytes written, not from reading tens of thousands of
// files back. What the package holds must be exactly what the read-back path produced: the manifest's
// digests are the files' on disk, the zip holds the folder's files byte for byte, the portal's chunks
// are those written from the evidence folder. A record whose bytes no longer match its seal is refused.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/package/manifest.ts';
import { listPackageFiles } from '../../src/package/package-files.ts';
import { renderReportsStep } from '../../src/package/render-package.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { writePackage } from '../../src/package/write-package.ts';
import { WrittenFiles } from '../../src/package/written-files.ts';
import { PackageZip } from '../../src/package/zip-package.ts';
import { recordTextsFromFolder, writeEvidenceChunks } from '../../src/render/portal/portal-evidence.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import type { SigningIdentity } from '../../src/sign/signing-identity.ts';
import { readZip } from '../helpers/read-zip.ts';
import { syntheticRun } from './synthetic-run.ts';
import { storedRecords } from '../../src/collect/snapshot/stored-record.ts';

let work: string;
let identity: SigningIdentity;
let pkg: string;
let handed: unknown[];
const steps = () => [renderReportsStep({ identity }), signPackageStep({ identity })];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-written-once-'));
  identity = await developmentIdentity(join(work, 'home'), 'Acme');
  // Records in another order than results.json's entries: the portal's chunks still follow the entries.
  const run = syntheticRun({ findings: 30, evidence: 1000, accounts: 2 });
  run.records.reverse();
  handed = run.records;
  pkg = await writePackage(join(work, 'out'), run, steps(), { zip: true });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('files the package writes once', () => {
  it('lists every file in the manifest with the digest and size of its bytes on disk', async () => {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(pkg, 'manifest.json'), 'utf8')));
    const onDisk = (await listPackageFiles(pkg)).filter((f) => f !== 'manifest.json' && f !== 'manifest.sig');
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    expect(onDisk.filter((f) => f.startsWith('evidence/records/'))).toHaveLength(1000);
    for (const f of manifest.files) {
      const data = await readFile(join(pkg, f.path));
      expect({ path: f.path, sha256: sha256(data), bytes: data.length }).toEqual(f);
    }
    const report = await verifyPackage(pkg);
    expect(report.ok).toBe(true);
  });

  it('empties the records array it was handed, so written records can be reclaimed during the pass', () => {
    expect(handed.filter((r) => r !== undefined)).toEqual([]);
  });

  it('zips exactly the folder, byte for byte', async () => {
    const name = pkg.split('/').pop()!;
    const zipped = await readZip(`${pkg}.zip`);
    const files = await listPackageFiles(pkg);
    expect([...zipped.keys()].sort()).toEqual(files.map((f) => `${name}/${f}`).sort());
    for (const f of files) expect(zipped.get(`${name}/${f}`)?.equals(await readFile(join(pkg, f))), f).toBe(true);
  });

  it("zips the portal's files as they are written, not after the manifest", async () => {
    const name = pkg.split('/').pop()!;
    const order = [...(await readZip(`${pkg}.zip`, () => false)).keys()];
    const manifestAt = order.indexOf(`${name}/manifest.json`);
    const portal = order.filter((f) => f.startsWith(`${name}/portal/`));
    expect(portal.map((f) => f.slice(name.length + 1))).toEqual(expect.arrayContaining(['portal/index.html', 'portal/portal.js', 'portal/portal.css', 'portal/data/run.js']));
    expect(portal.filter((f) => order.indexOf(f) > manifestAt)).toEqual([]);
  });

  it("writes the portal's evidence chunks as reading the evidence folder back would", async () => {
    const results = JSON.parse(await readFile(join(pkg, 'results.json'), 'utf8'));
    const again = join(work, 'portal-again');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(again, 'evidence'), { recursive: true });
    await writeEvidenceChunks(again, results.evidence, recordTextsFromFolder(pkg));
    const chunks = (await readdir(join(again, 'evidence'))).sort();
    expect(chunks.length).toBeGreaterThan(1);
    expect((await readdir(join(pkg, 'portal', 'evidence'))).sort()).toEqual(chunks);
    for (const c of chunks) expect((await readFile(join(pkg, 'portal', 'evidence', c))).equals(await readFile(join(again, 'evidence', c))), c).toBe(true);
  });

  it('refuses a record changed after it was sealed, leaving no package and no zip', async () => {
    const run = syntheticRun({ findings: 5, evidence: 20, accounts: 1 });
    (run.records[7] as { response?: unknown }).response = { changed: true };
    const out = join(work, 'refused');
    await expect(writePackage(out, run, steps(), { zip: true })).rejects.toThrow(/do not match the SHA-256 its record was sealed with/);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a package whose results.json cites a record that was not collected', async () => {
    const run = syntheticRun({ findings: 5, evidence: 20, accounts: 1 });
    const missing = run.records.splice(3, 1)[0];
    const out = join(work, 'missing');
    await expect(writePackage(out, run, steps(), { zip: true })).rejects.toThrow(`evidence record ${missing.id} is listed in results.json but was not collected`);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses stored records (a run spool\'s) that are not results.json\'s evidence entries, in order', async () => {
    const run = syntheticRun({ findings: 5, evidence: 20, accounts: 1 });
    const swapped = [...run.records];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    const out = join(work, 'stored-out-of-order');
    await expect(writePackage(out, { results: run.results, records: storedRecords(swapped) }, steps(), { zip: true })).rejects.toThrow(`package: evidence record ${swapped[2].id} is not results.json's evidence entry 2 (${run.records[2].id})`);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('files a step declares complete', () => {
  // One large file (streamed into the zip) and one small (read whole), declared while the step goes on.
  const large = Buffer.from('{"row":"x"}\n'.repeat(300_000));
  const small = Buffer.from('{"small":true}\n');

  async function fixture(name: string) {
    const dir = join(work, name);
    await mkdir(join(dir, 'oscal'), { recursive: true });
    const zip = await PackageZip.create(`${dir}.zip`, name);
    return { dir, zip, files: new WrittenFiles(dir, zip) };
  }

  it('zips each once, with the digest and size of the bytes read for the zip', async () => {
    const { dir, zip, files } = await fixture('declared');
    expect(large.length).toBeGreaterThan(1 << 20);
    await writeFile(join(dir, 'results.json'), large);
    files.completed('results.json');
    await writeFile(join(dir, 'oscal', 'small.json'), small);
    files.completed('oscal/small.json');
    await files.write('evidence/a.json', Buffer.from('{"a":1}\n'));
    const digests = await files.all();
    expect(digests.get('results.json')).toEqual({ sha256: sha256(large), bytes: large.length });
    expect(digests.get('oscal/small.json')).toEqual({ sha256: sha256(small), bytes: small.length });
    await zip.finish(dir);
    const zipped = await readZip(`${dir}.zip`);
    expect([...zipped.keys()].sort()).toEqual([`declared/evidence/a.json`, `declared/oscal/small.json`, `declared/results.json`]);
    expect(zipped.get('declared/results.json')?.equals(large)).toBe(true);
    expect(zipped.get('declared/oscal/small.json')?.equals(small)).toBe(true);
  });

  it('reports a file that could not be read when the package settles, naming it', async () => {
    const { dir, zip, files } = await fixture('vanished');
    files.completed('report.pdf');
    await expect(files.settled()).rejects.toThrow(/report\.pdf/);
    await expect(files.all()).rejects.toThrow(/report\.pdf/);
    await zip.abandon();
    expect(await readdir(dir)).toEqual(['oscal']);
  });

  it('refuses a file declared complete twice, or written after it was declared', async () => {
    const { dir, zip, files } = await fixture('twice');
    await writeFile(join(dir, 'results.json'), small);
    files.completed('results.json');
    expect(() => files.completed('results.json')).toThrow('package: results.json was declared complete twice');
    await expect(files.write('results.json', small)).rejects.toThrow('package: results.json was written twice');
    await files.settled();
    await zip.abandon();
  });

  it('without a zip, leaves the file to the manifest to read', async () => {
    const dir = join(work, 'no-zip');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'results.json'), small);
    const files = new WrittenFiles(dir);
    files.completed('results.json');
    expect((await files.all()).has('results.json')).toBe(false);
  });
});
