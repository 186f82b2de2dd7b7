// Bad input reaches the CLI as data (file, field, message), not as a finished sentence: every
// InputError names the file (or flag) it is about, and schema problems name the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.ts';
import { loadHistoryKey } from '../../src/history/history-key.ts';
import { resolvePeriod } from '../../src/history/period-window.ts';
import { InputError, formatInputProblem } from '../../src/util/input-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'proofline-input-problems-'));

async function thrown(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('input problems as data', () => {
  it('a schema problem names file and field', async () => {
    const file = join(dir, 'bad.config.yaml');
    writeFileSync(file, 'organization: Acme\nregions: [eu-west-1]\nframeworks: [gdpr, nosuch]\n');
    const err = await thrown(() => loadConfig(file));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems.length).toBeGreaterThan(0);
    expect(err.problems[0]).toMatchObject({ file, field: expect.stringMatching(/^frameworks/) });
    expect(err.message).toBe(err.problems.map(formatInputProblem).join('\n'));
  });

  it('an unreadable file names the file, without a field', async () => {
    const file = join(dir, 'absent.yaml');
    const err = await thrown(() => loadConfig(file));
    expect(err.problems).toEqual([{ file, message: expect.stringContaining('cannot read') }]);
  });

  it('a damaged key file names the file', async () => {
    writeFileSync(join(dir, 'history.key'), 'not hex\n');
    const err = await thrown(() => loadHistoryKey(dir));
    expect(err.problems[0]!.file).toBe(join(dir, 'history.key'));
  });

  it('a bad flag names the flag', async () => {
    const err = await thrown(() => resolvePeriod({ from: '2026-12-01', to: '2026-11-01' }, []));
    expect(err.problems[0]!.file).toBe('--from');
  });
});

describe('--evaluated-at before the recording', () => {
  it('is refused with exit 2, naming the flag and the collection time, and writes nothing', async () => {
    const { runCli } = await import('../../src/cli/run-cli.ts');
    const { readdir } = await import('node:fs/promises');
    const { vi } = await import('vitest');
    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    const out = join(dir, 'early-out');
    let code: number;
    try {
      code = await runCli(['node', 'proofline', 'run', '--source', 'samples/sample-account', '--config', 'samples/sample-account.config.yaml', '--evaluated-at', '2026-11-19T00:00:00Z', '--out', out, '--quiet']);
    } finally {
      err.mockRestore();
    }
    expect(code).toBe(2);
    expect(stderr).toContain('--evaluated-at: 2026-11-19T00:00:00.000Z is before the evidence was collected (from 2026-11-20T02:00:00');
    expect(await readdir(out).catch(() => [])).toEqual([]);
  }, 120_000);
});
