import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, type CliResult } from '../helpers/spawn-cli.ts';

async function cli(args: string[]): Promise<CliResult> {
  return spawnCli(args, { PROOFLINE_HOME: await mkdtemp(join(tmpdir(), 'proofline-home-')) });
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
