import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, PROOFLINE_HOME: await mkdtemp(join(tmpdir(), 'proofline-home-')) } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('proofline schedule (CLI)', () => {
  it('rejects an invalid cron expression before anything starts, with exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-cli-'));
    const config = join(dir, 'bad.yaml');
    await writeFile(config, `schedule:\n  cron: "0 2 * * 8"\ndataDir: ${JSON.stringify(join(dir, 'data'))}\n`);
    const r = await cli(['schedule', '--config', config, '--source', 'samples/sample-account']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml: field "schedule\.cron": "0 2 \* \* 8" is not a valid cron expression/);
    expect(r.stdout).toBe('');
  });

  it('rejects an exceptions entry without approver at start, naming file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-cli-'));
    await writeFile(join(dir, 'exceptions.yaml'), 'exceptions:\n  - id: E1\n    controlId: sagemaker-notebook-direct-internet-disabled\n    resource: "*"\n    justification: x\n    approvedOn: 2026-01-01\n    expiresOn: 2027-01-01\n');
    await writeFile(join(dir, 'c.yaml'), `schedule: { cron: "0 2 * * *" }\nexceptionsFile: ${JSON.stringify(join(dir, 'exceptions.yaml'))}\ndataDir: ${JSON.stringify(join(dir, 'data'))}\n`);
    const r = await cli(['schedule', '--config', join(dir, 'c.yaml'), '--source', 'samples/sample-account']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exceptions\.yaml: field "exceptions\.0\.approver": an approver is required/);
  });
});
