// `proofline run --only results`: results.json and its detached signature, nothing else of a package.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { verifyDetached } from '../../src/sign/detached-cms.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-only-results-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.stubEnv('PROOFLINE_HOME', join(tmp, 'home'));
  try {
    return { code: await runCli(['node', 'proofline', 'run', '--source', 'samples/sample-account', '--config', 'samples/sample-account.config.yaml', '--evaluated-at', '2026-11-20T02:00:00Z', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('proofline run --only results', () => {
  it('writes results.json, its detached signature and the signer certificate, and says what is not there', async () => {
    const out = join(tmp, 'out');
    const r = await run(['--only', 'results', '--out', out]);
    expect(r.code).toBe(0);
    const [folder, ...others] = await readdir(out);
    expect(others).toEqual([]); // no zip, no package folder beside it
    expect(folder).toMatch(/-results-only$/);
    expect((await readdir(join(out, folder!))).sort()).toEqual(['results.json', 'results.json.sig', 'signer-certificate.pem']);
    expect(r.stderr).toMatch(/not an audit package/);
    // The summary names what was written; it never calls the folder a package.
    expect(r.stdout).toContain(`Results only (not an audit package): ${join(out, folder!)}`);
    expect(r.stdout).not.toMatch(/^Package:/m);

    const bytes = await readFile(join(out, folder!, 'results.json'));
    const results = JSON.parse(bytes.toString('utf8'));
    expect(results.run.scope.accounts).toEqual(['111122223333']);
    expect(results.findings.length).toBeGreaterThan(0);
    const sig = await readFile(join(out, folder!, 'results.json.sig'));
    expect((await verifyDetached(sig, bytes)).ok).toBe(true);
    // The signature covers these bytes: a changed verdict no longer verifies.
    const changed = Buffer.from(bytes.toString('utf8').replace('"fail"', '"pass"'));
    expect(changed.equals(bytes)).toBe(false);
    expect((await verifyDetached(sig, changed)).ok).toBe(false);
  });

  it('refuses an unknown part and --format alongside, before anything is written', async () => {
    const out = join(tmp, 'refused');
    expect((await run(['--only', 'pdf', '--out', out])).code).toBe(2);
    expect((await run(['--only', 'results', '--format', 'asff', '--out', out])).code).toBe(2);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});
