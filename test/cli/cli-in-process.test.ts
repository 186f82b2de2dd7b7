// The CLI's parsing, help and error-to-exit-code mapping, run in this process through runCli (the
// function main.ts calls): no child process, no tsx start-up per case.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.ts';
import { runCli } from '../../src/cli/run-cli.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-cli-in-process-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** Runs `proofline <args>` in-process, capturing what it prints. */
async function proofline(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const code = await runCli(['node', 'proofline', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('proofline CLI, in-process', () => {
  it('lists every command in the help without loading any, and prints each command\'s help', async () => {
    const top = await proofline(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`  ${c.name}`);
    for (const c of COMMANDS) {
      const r = await proofline([c.name, '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout).toContain(`Usage: proofline ${c.name}`);
      // The command list and the command's own help show the same description.
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(c.description);
    }
    expect((await proofline(['help', 'verify'])).stdout).toContain('Usage: proofline verify');
  });

  it('an unknown command or flag is bad input (exit 2)', async () => {
    expect((await proofline(['nope'])).code).toBe(2);
    expect((await proofline(['run', '--no-such-flag'])).code).toBe(2);
    expect((await proofline(['run', '--call-concurrency', 'many', '--source', 'samples/sample-account'])).stderr).toContain('--call-concurrency: "many" is not a positive whole number');
  });

  it('without a source and without credentials, tells the user how to run the sample (exit 2)', async () => {
    const r = await proofline(['run', '--out', join(tmp, 'x')], { HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(tmp, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'none'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_WEB_IDENTITY_TOKEN_FILE: '', AWS_CONTAINER_CREDENTIALS_FULL_URI: '', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No AWS credentials');
    expect(r.stderr).toContain('npm run demo');
  }, 60_000);

  it('names the file and field of a bad config (exit 2) and writes nothing', async () => {
    const cfg = join(tmp, 'bad.yaml');
    await writeFile(cfg, 'organization: X\nallowedRegions: [mars-north-1]\n');
    const r = await proofline(['run', '--source', 'samples/sample-account', '--config', cfg, '--out', join(tmp, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cfg}: field "allowedRegions.0"`);
    await expect(readdir(join(tmp, 'bad-out'))).rejects.toThrow();
  });

  it('rejects a folder that is not a snapshot (exit 2)', async () => {
    const r = await proofline(['run', '--source', tmp, '--out', join(tmp, 'y')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('snapshot.json');
  });

  it('a failed check is exit 1, returned by the command rather than set on the process', async () => {
    const r = await proofline(['verify', '--no-pdfsig', join(tmp, 'no-such-package')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('verification FAILED');
    expect(process.exitCode ?? 0).toBe(0);
  });
});
