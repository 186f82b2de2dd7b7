// Two `proofline schedule --once` on one dataDir at the same time (issue 11): before, one run was lost
// to a package-name clash or the history was left failing. Now one writer holds the dataDir: every run
// that exits 0 has exactly one package and one history row, the other says who holds the dataDir, and
// the history verifies.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/spawn-cli.ts';

let dir: string | undefined;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

const cli = (args: string[], home: string) => spawnCli(args, { PROOFLINE_HOME: home });

describe('one writer per dataDir', () => {
  it('two schedule --once at once: no lost run, no clash, a history that verifies', async () => {
    dir = await mkdtemp(join(tmpdir(), 'proofline-writers-'));
    const home = join(dir, 'home');
    const config = join(dir, 'c.yaml');
    await writeFile(config, `organization: Acme\ndataDir: ${JSON.stringify(join(dir, 'data'))}\n`);
    const args = ['schedule', '--once', '--config', config, '--source', 'samples/sample-account'];
    const results = await Promise.all([cli(args, home), cli(args, home)]);
    const ok = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code !== 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r.stderr).toMatch(/in use by another Proofline process \(pid \d+/);
    const packages = (await readdir(join(dir, 'data', 'packages'))).filter((f) => !f.startsWith('.'));
    expect(packages).toHaveLength(ok.length);
    const list = await cli(['history', 'list', '--config', config], home);
    expect(list.stdout.match(/succeeded/g) ?? []).toHaveLength(ok.length);
    const verified = await cli(['verify', '--history', '--config', config], home);
    expect(verified.stdout).toMatch(/history of \d+ run\(s\) is intact/);
    expect(verified.code).toBe(0);
  }, 300_000);
});
