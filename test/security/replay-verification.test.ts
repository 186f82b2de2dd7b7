// Replaying a package's evidence/ verifies that package first: a tampered package's evidence does not
// become a new package that looks clean. A bare snapshot replays, marked unverified in results and report.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { sourceLabel } from '../../src/render/view-model/build-view-model.ts';
import { ReplayVerificationError, verifiedSnapshotSource } from '../../src/run/replay-source.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import { runCliProcess } from '../helpers/cli-process.ts';
import { copyPackage, samplePackage, type BuiltPackage } from '../package/package-fixture.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
let pkg: BuiltPackage;
let tampered: string;

beforeAll(async () => {
  pkg = await samplePackage();
  // The attack: change a record and fix up snapshot.json's digest, so the snapshot alone looks consistent.
  tampered = await copyPackage(pkg, 'tampered');
  const indexFile = join(tampered, 'evidence', 'snapshot.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8'));
  const entry = index.records.find((r: { key: string; outcome: string }) => r.key === 'sagemaker.DescribeNotebookInstance' && r.outcome === 'ok');
  const recordFile = join(tampered, 'evidence', entry.file);
  const record = JSON.parse(await readFile(recordFile, 'utf8'));
  record.response.DirectInternetAccess = 'Disabled';
  record.response.RootAccess = 'Disabled';
  const bytes = `${JSON.stringify(record, null, 2)}\n`;
  await writeFile(recordFile, bytes);
  entry.sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(indexFile, `${JSON.stringify(index, null, 2)}\n`);
}, 120_000);
afterAll(() => pkg?.cleanup());

describe('replaying evidence', () => {
  it('from a package that verifies: replayed, and results say the source was verified', async () => {
    const source = await verifiedSnapshotSource(join(pkg.dir, 'evidence'));
    expect(source.verification).toMatchObject({ status: 'verified', package: pkg.dir });
    expect(source.verification!.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    // The package folder itself replays its evidence/ too.
    expect((await verifiedSnapshotSource(pkg.dir)).location).toBe(join(pkg.dir, 'evidence'));
    const config = await loadConfig(join(ROOT, 'samples/sample-account.config.yaml'));
    const { results } = await runEvidenceInMemory({ ...(await loadProjectCatalog()), source, config, evaluatedAt: new Date('2026-11-20T02:00:00Z') });
    expect(results.run.source.verification?.status).toBe('verified');
    expect(sourceLabel(results.run.source)).toContain('source verified: evidence of package');
  });

  it('from a tampered package: refused, naming the changed file', async () => {
    await expect(verifiedSnapshotSource(join(tampered, 'evidence'))).rejects.toThrow(ReplayVerificationError);
    await expect(verifiedSnapshotSource(join(tampered, 'evidence'))).rejects.toThrow(/does not verify, so its evidence is not replayed \(.*file evidence\/records\/.*DescribeNotebookInstance/);
  });

  it('from a bare snapshot: replayed, and marked UNVERIFIED in results.json and the report', async () => {
    const source = await verifiedSnapshotSource(join(ROOT, 'samples/sample-account'));
    expect(source.verification?.status).toBe('unverified');
    expect(sourceLabel({ kind: 'snapshot', location: 'samples/sample-account', verification: source.verification })).toMatch(/UNVERIFIED SOURCE: a recorded snapshot: its digests in snapshot.json are not signed/);
  });

  it('`proofline run --source <tampered package>/evidence` exits 2 and writes no package', async () => {
    const out = join(pkg.work, 'replay-out');
    const r = await runCliProcess(['run', '--source', join(tampered, 'evidence'), '--out', out], { PROOFLINE_HOME: join(pkg.work, 'home') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not verify, so its evidence is not replayed');
    expect(await stat(out).then(() => true, () => false)).toBe(false);
  });
});
