// The package step that writes the export files a run asks for (--format, config `exports`) into
// exports/: inside the package, so the manifest lists them and manifest.sig covers them.
import { mkdir } from 'node:fs/promises';
import { EXPORT_FILES, writeAsffFile, writeOcsfFile, type ExportFormat } from '../render/exports/write-exports.ts';
import { confinedPath } from '../util/confined-path.ts';
import type { PackageStep } from './write-package.ts';

export interface ExportStepOptions {
  formats: readonly ExportFormat[];
  /** Region for findings about global resources (config delivery.securityHub.homeRegion). */
  homeRegion?: string;
}

export function exportStep(opts: ExportStepOptions): PackageStep {
  return async (dir, ctx) => {
    if (!opts.formats.length) return;
    await mkdir(confinedPath(dir, 'exports'), { recursive: true });
    if (opts.formats.includes('asff')) {
      await writeAsffFile(confinedPath(dir, EXPORT_FILES.asff), ctx.results, { homeRegion: opts.homeRegion });
      ctx.written?.completed(EXPORT_FILES.asff);
    }
    if (opts.formats.includes('ocsf')) {
      await writeOcsfFile(confinedPath(dir, EXPORT_FILES.ocsf), ctx.results);
      ctx.written?.completed(EXPORT_FILES.ocsf);
    }
  };
}
