import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distIsFresh } from '../helpers/cli-command.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Where the build is compiled when dist/ is not newer than the sources: a fresh folder beside src/, so that its
 * paths to controls/ and templates/ are the shipped ones and a stale dist/ cannot pass for the code under test. */
const BUILD_DIR = join(ROOT, `.test-build-${process.pid}`);
let BIN: string;
let tmp: string;

/** Runs the compiled CLI the way a user does, with no AWS credentials anywhere. Parsing and exit codes: cli-in-process.test.ts. */
async function proofline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(tmp, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'none'), PROOFLINE_HOME: join(tmp, 'proofline-home') };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-cli-'));
  // What the installed command runs: package.json's bin loads dist/cli/main.js, the build's output.
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin: { proofline: string } };
  expect(await readFile(join(ROOT, pkg.bin.proofline), 'utf8')).toContain("import '../dist/cli/main.js'".replace(/'/g, '"'));
  // dist/ as `npm run build` left it when it is newer than the sources (npm ci runs the build through
  // `prepare`, as in CI): compiling again (~20 s of CPU) would prove nothing more.
  if (distIsFresh()) BIN = join(ROOT, 'dist/cli/main.js');
  else {
    // Type errors are the typecheck gate's business; this checks that the emitted JavaScript runs.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck', '--outDir', BUILD_DIR], { cwd: ROOT });
    BIN = join(BUILD_DIR, 'cli/main.js');
  }
  expect((await stat(BIN)).isFile()).toBe(true);
}, 240_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await rm(BUILD_DIR, { recursive: true, force: true });
});

describe('the compiled CLI', () => {
  it('starts without loading any command for --help, and finds controls/ from the compiled output', async () => {
    const help = await proofline(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: proofline');
    const catalog = await proofline(['catalog']);
    expect(catalog.code).toBe(0);
    expect(catalog.stdout).toMatch(/^Catalog [0-9a-f]{12}: \d+ controls/);
  });
});

describe('proofline CLI on the sample account', () => {
  let packageDir: string;
  let results: any;

  beforeAll(async () => {
    const out = join(tmp, 'out');
    const r = await proofline(['run', '--source', 'samples/sample-account', '--config', 'samples/sample-account.config.yaml', '--evaluated-at', '2026-11-20T02:00:00Z', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const name = (await readdir(out)).find((f) => !f.endsWith('.zip'))!;
    packageDir = join(out, name);
    expect(r.stdout).toContain(`Package: ${packageDir}`);
    results = JSON.parse(await readFile(join(packageDir, 'results.json'), 'utf8'));
  }, 240_000);

  it('writes a complete package named by scope and UTC time, and its zip, with no partial folder left', async () => {
    expect(packageDir).toMatch(/proofline-111122223333-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    const name = packageDir.split('/').pop();
    expect((await readdir(join(tmp, 'out'))).sort()).toEqual([name, `${name}.zip`]);
  });

  it('results.json has pass, fail and unknown findings, each pointing at evidence that exists', () => {
    const s = results.summary.findings;
    expect(s.pass).toBeGreaterThan(0);
    expect(s.fail).toBeGreaterThan(0);
    expect(s.unknown).toBeGreaterThan(0);
    const ids = new Set(results.evidence.map((e: { id: string }) => e.id));
    for (const f of results.findings) for (const id of f.evidence) expect(ids.has(id)).toBe(true);
    expect(results.summary.evidence.errors).toBeGreaterThan(0);
  });

  it('lists every requirement of every selected framework, none silently dropped', async () => {
    const catalog = JSON.parse((await proofline(['catalog', '--json'])).stdout) as { frameworks: { id: string; requirements: number }[] };
    // The sample config selects gdpr, hipaa and soc2; frameworks off by default are not reported on.
    expect(results.run.frameworks).toEqual(['gdpr', 'hipaa', 'soc2']);
    for (const id of results.run.frameworks) expect(results.requirements[id]).toHaveLength(catalog.frameworks.find((f) => f.id === id)!.requirements);
  });

  it('never reports a control as pass when one of its findings is unknown', () => {
    for (const c of results.controls) if (c.counts.unknown > 0) expect(c.status).not.toBe('pass');
  });
});
