// The package step that renders the human and machine reports from one view-model:
// report.pdf, control-gaps.xlsx, oscal/assessment-results.json, and the auditor portal (portal/).
import { mkdir } from 'node:fs/promises';
import type { SigningIdentity } from '../sign/signing-identity.ts';
import { describeSigner } from '../sign/signing-identity.ts';
import type { PackageStep } from './write-package.ts';
import { confinedPath } from '../util/confined-path.ts';
import { loadNarrative } from '../render/narrative.ts';
import { renderOscal } from '../render/oscal/render-oscal.ts';
import { renderPdf } from '../render/pdf/render-pdf.ts';
import type { PageSize } from '../render/pdf/pdf-theme.ts';
import { EvidenceChunks } from '../render/portal/portal-evidence.ts';
import { PORTAL_DIR, renderPortal } from '../render/portal/render-portal.ts';
import { buildViewModel, type ViewModelExtras } from '../render/view-model/build-view-model.ts';
import { renderXlsx } from '../render/xlsx/render-xlsx.ts';

export const REPORT_FILES = { pdf: 'report.pdf', xlsx: 'control-gaps.xlsx', oscal: 'oscal/assessment-results.json' } as const;

export interface RenderOptions {
  identity: SigningIdentity;
  extras?: ViewModelExtras;
  templatesDir?: string;
  /** Paper size of report.pdf (config `report.pageSize`). */
  pageSize?: PageSize;
}

export function renderReportsStep(opts: RenderOptions): PackageStep {
  // Set when the package handed this step the evidence texts as it wrote them (below).
  let evidenceChunkStarts: number[] | undefined;
  const step: PackageStep = async (dir, ctx) => {
    const signer = describeSigner(opts.identity);
    const vm = buildViewModel(ctx.results, signer, opts.extras);
    const narrative = await loadNarrative(vm, opts.templatesDir);
    // The PDF first: it is the package's largest working set (pdfkit's buffers until V8 collects them),
    // and each later renderer starts from the memory the one before it left.
    // Each report goes into the zip as soon as it is written, while the next one renders.
    await renderPdf(confinedPath(dir, REPORT_FILES.pdf), vm, narrative, opts.identity, new Date(), { pageSize: opts.pageSize });
    ctx.written?.completed(REPORT_FILES.pdf);
    await renderXlsx(confinedPath(dir, REPORT_FILES.xlsx), vm, ctx.results);
    ctx.written?.completed(REPORT_FILES.xlsx);
    await mkdir(confinedPath(dir, 'oscal'), { recursive: true });
    await renderOscal(confinedPath(dir, REPORT_FILES.oscal), vm, ctx.results);
    ctx.written?.completed(REPORT_FILES.oscal);
    // The portal's evidence chunks were written with the evidence folder; without that, they are read back from it.
    await renderPortal(dir, ctx.results, signer, { ...(evidenceChunkStarts ? { evidenceChunkStarts } : {}), onWritten: (file) => ctx.written?.completed(file) });
    evidenceChunkStarts = undefined;
  };
  step.evidence = (files) => {
    const chunks = new EvidenceChunks((file, data) => files.write(`${PORTAL_DIR}/${file}`, data));
    return {
      add: (text) => chunks.add(text),
      finish: async () => {
        evidenceChunkStarts = await chunks.finish();
      },
    };
  };
  return step;
}
