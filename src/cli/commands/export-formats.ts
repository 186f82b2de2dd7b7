// --format: the export files a run adds to its package (exports/), on top of the config's `exports`.
import type { ProoflineConfig } from '../../config/config-schema.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../config/operations-config.ts';
import type { ExportStepOptions } from '../../package/export-step.ts';
import { UsageError } from '../exit-codes.ts';
import { listFlag } from './source-flags.ts';

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The formats of `--format a,b` and the config; Security Hub delivery always gets its ASFF file, so the package holds what was imported. */
export function exportOptions(flag: string | undefined, config: ProoflineConfig): ExportStepOptions {
  const asked = flag === undefined ? [] : listFlag(flag);
  for (const f of asked) if (!isFormat(f)) throw new UsageError({ file: '--format', message: `"${f}" is not one of ${EXPORT_FORMATS.join(', ')}` });
  const formats = new Set<ExportFormat>([...config.exports, ...(asked as ExportFormat[])]);
  if (config.delivery?.securityHub) formats.add('asff');
  return { formats: EXPORT_FORMATS.filter((f) => formats.has(f)), homeRegion: config.delivery?.securityHub?.homeRegion };
}
