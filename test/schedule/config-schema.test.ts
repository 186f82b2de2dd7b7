import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../../src/config/config-json-schema.ts';

describe('config for scheduled runs', () => {
  it('docs/config.schema.json is generated from the zod schema (run: npx tsx src/config/config-json-schema.ts)', async () => {
    expect(await readFile(CONFIG_SCHEMA_FILE, 'utf8')).toBe(configJsonSchema());
  });

  it('the sample scheduled config loads, and names files that exist', async () => {
    const config = await loadConfig('samples/scheduled.config.yaml');
    expect(config.schedule).toEqual({ cron: '0 2 * * *', timezone: 'Europe/Dublin', runOnStart: true });
    expect(config.observationWindows[0]).toMatchObject({ from: '2026-10-01', to: '2027-03-31' });
    await expect(readFile(config.exceptionsFile!, 'utf8')).resolves.toContain('EXC-001');
    expect(parseYaml(await readFile('samples/scheduled.config.yaml', 'utf8')).dataDir).toBe('.proofline/sample');
  });

  it('rejects bad scheduling fields naming the file and field', async () => {
    const { parseConfig } = await import('../../src/config/load-config.ts');
    expect(() => parseConfig({ retention: { keepRuns: 0 } }, 'c.yaml')).toThrow(/c\.yaml: field "retention\.keepRuns"/);
    expect(() => parseConfig({ observationWindows: [{ name: 'w', from: '2027-01-01', to: '2026-01-01' }] }, 'c.yaml')).toThrow(/field "observationWindows\.0\.to": "from" must not be after "to"/);
    expect(() => parseConfig({ delivery: { sns: { topicArn: 'compliance' } } }, 'c.yaml')).toThrow(/field "delivery\.sns\.topicArn": must be an SNS topic ARN/);
    expect(() => parseConfig({ delivery: { webhook: { url: 'ftp://x' } } }, 'c.yaml')).toThrow(/field "delivery\.webhook\.url"/);
  });
});
