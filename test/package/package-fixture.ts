// Builds signed packages in temporary folders for the package tests: the bundled sample account
// (the real pipeline, replayed from samples/sample-account) or a synthetic run of any size.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { snapshotSource } from '../../src/collect/source.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProoflineConfig } from '../../src/config/config-schema.ts';
import type { FrameworkId } from '../../src/catalog/catalog-schema.ts';
import { renderReportsStep } from '../../src/package/render-package.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import { resolveSigningIdentity } from '../../src/sign/resolve-identity.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import type { SigningIdentity } from '../../src/sign/signing-identity.ts';
import { writePackage, type PackageInput, type PackageStep } from '../../src/package/write-package.ts';
import { loadManualEvidence } from '../../src/manual-evidence/load-manual-evidence.ts';
import { manualEvidenceStep } from '../../src/package/manual-package-step.ts';
import { sharedFixture } from '../helpers/shared-fixture.ts';
import { syntheticRun, type SyntheticOptions } from './synthetic-run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltPackage {
  dir: string;
  zip: string;
  work: string;
  identity: SigningIdentity;
  cleanup: () => Promise<void>;
}

async function build(ctx: PackageInput, work: string, config: Parameters<typeof resolveSigningIdentity>[0], extraSteps: PackageStep[] = []): Promise<BuiltPackage> {
  // Tests never touch ~/.proofline: the development identity lives in the temp folder.
  const identity = await resolveSigningIdentity(config, { env: { PROOFLINE_HOME: join(work, 'home') } });
  const dir = await writePackage(join(work, 'out'), ctx, [renderReportsStep({ identity }), ...extraSteps, signPackageStep({ identity })], { zip: true });
  return { dir, zip: `${dir}.zip`, work, identity, cleanup: () => rm(work, { recursive: true, force: true }) };
}

/** The sample account (or another recording) through the real pipeline (replayed), without writing a package. */
export async function sampleRun(overrides: Partial<ProoflineConfig> = {}, recording = join(ROOT, 'samples/sample-account')) {
  const config = { ...(await loadConfig(join(ROOT, 'samples/sample-account.config.yaml'))), ...overrides };
  const project = await loadProjectCatalog();
  const source = await snapshotSource(recording);
  const { results, records } = await runEvidenceInMemory({ ...project, source, config, evaluatedAt: new Date('2026-11-20T02:00:00Z') });
  return { config, results, records };
}

/**
 * The sample's signed package; `extraSteps` run between the renderers and the signer (e.g. exports).
 * Without extra steps it is built once per vitest run (about 8 s of CPU) and each caller gets its own
 * copy, signed by the same development identity.
 */
export async function samplePackage(extraSteps: PackageStep[] = []): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'proofline-pkg-'));
  if (extraSteps.length) {
    const { config, results, records } = await sampleRun();
    return build({ results, records }, work, config, extraSteps);
  }
  const shared = await sharedFixture('sample-package', async (dir) => {
    const { config, results, records } = await sampleRun();
    await build({ results, records }, dir, config);
  });
  await cp(shared, work, { recursive: true });
  const config = await loadConfig(join(ROOT, 'samples/sample-account.config.yaml'));
  const identity = await resolveSigningIdentity(config, { env: { PROOFLINE_HOME: join(work, 'home') } });
  const dir = join(work, 'out', (await readdir(join(work, 'out'))).find((f) => !f.endsWith('.zip'))!);
  return { dir, zip: `${dir}.zip`, work, identity, cleanup: () => rm(work, { recursive: true, force: true }) };
}

/** A signed package of a recording made with the sample's config and `overrides`. */
export async function recordingPackage(recording: string, overrides: Partial<ProoflineConfig> = {}): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'proofline-pkg-'));
  const { config, results, records } = await sampleRun(overrides, recording);
  return build({ results, records }, work, config);
}

/** The sample's signed package reporting on the given frameworks instead of the sample config's. */
export async function sampleFrameworksPackage(frameworks: FrameworkId[]): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'proofline-pkg-'));
  const { config, results, records } = await sampleRun({ frameworks });
  return build({ results, records }, work, config);
}

/** The sample replayed with the sample's attested files (Nessus scan included) attached, evaluated at `evaluatedAt`. */
export async function sampleWithManualEvidencePackage(evaluatedAt: string): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'proofline-pkg-'));
  const config = await loadConfig(join(ROOT, 'samples/sample-account.config.yaml'));
  const project = await loadProjectCatalog();
  const source = await snapshotSource(join(ROOT, 'samples/sample-account'));
  const at = new Date(evaluatedAt);
  const manual = await loadManualEvidence(join(ROOT, 'samples/manual-evidence'), at, project.catalog);
  const { results, records } = await runEvidenceInMemory({ ...project, source, config, evaluatedAt: at, manualEvidence: manual.map((m) => m.entry) });
  return build({ results, records }, work, config, [manualEvidenceStep(manual)]);
}

export async function syntheticPackage(opts: SyntheticOptions): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'proofline-pkg-'));
  const ctx = syntheticRun(opts);
  return build(ctx, work, { organization: ctx.results.run.organization } as never);
}

/** A copy of a package folder to tamper with. */
export async function copyPackage(pkg: BuiltPackage, name: string): Promise<string> {
  const target = join(pkg.work, 'copies', name);
  await cp(pkg.dir, target, { recursive: true });
  return target;
}
