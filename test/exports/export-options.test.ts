// --format and the config's `exports`: which export files a run writes.
import { describe, expect, it } from 'vitest';
import { exportOptions } from '../../src/cli/commands/export-formats.ts';
import { UsageError } from '../../src/cli/exit-codes.ts';
import { configSchema } from '../../src/config/config-schema.ts';

const config = (fields: Record<string, unknown> = {}) => configSchema.parse(fields);

describe('export formats', () => {
  it('writes none by default', () => {
    expect(exportOptions(undefined, config())).toEqual({ formats: [], homeRegion: undefined });
  });

  it('joins --format with the config, in a fixed order, without repeats', () => {
    expect(exportOptions('ocsf, asff,ocsf', config()).formats).toEqual(['asff', 'ocsf']);
    expect(exportOptions('ocsf', config({ exports: ['asff'] })).formats).toEqual(['asff', 'ocsf']);
  });

  it('always writes ASFF when Security Hub delivery is configured, with its home Region', () => {
    expect(exportOptions(undefined, config({ delivery: { securityHub: { homeRegion: 'eu-central-1' } } }))).toEqual({ formats: ['asff'], homeRegion: 'eu-central-1' });
  });

  it('refuses an unknown format as bad input, naming the flag', () => {
    expect(() => exportOptions('asff,csv', config())).toThrow(UsageError);
    expect(() => exportOptions('asff,csv', config())).toThrow('--format: "csv" is not one of asff, ocsf');
  });

  it('refuses an unknown format or a bad home Region in the config, naming the field', () => {
    expect(configSchema.safeParse({ exports: ['pdf'] }).error?.issues[0].path).toEqual(['exports', 0]);
    expect(configSchema.safeParse({ delivery: { securityHub: { homeRegion: 'moon-1' } } }).error?.issues[0].path).toEqual(['delivery', 'securityHub', 'homeRegion']);
  });
});
