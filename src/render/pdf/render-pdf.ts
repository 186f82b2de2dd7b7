// report.pdf: cover, contents, scope and methodology, executive summary, frameworks, controls,
// exceptions, manual evidence, history, evidence appendix; running header/footer, bookmarks and the
// embedded signature.
//
// Memory: pdfkit's bufferPages (the usual way to print "page X of Y" and a table of contents) keeps
// every page in memory, ~250 KB each: 900 MB for 100,000 findings. Instead the document is laid out
// twice. The first pass streams pages to nowhere and learns the page count and where each section
// starts; the second streams the real document with those numbers. Layout is deterministic, and the
// second pass checks it came out the same.
//
// Time: the measuring pass draws no table rows (only their heights and page breaks matter) and hands
// the row heights to the final pass, which draws without measuring again (RowPlan in pdf-row-plan.ts);
// cells whose lines fit are drawn without pdfkit's line wrapper; text is measured from per-character
// advance widths (pdf-fonts.ts advanceWidth) and ASCII is encoded from a glyph cache (pdf-glyph-cache.ts).
// The final pass streams to the file, which is signed in place (sign-pdf.ts signPdfFile): the document
// is never held in memory.
import { addPdfSignaturePlaceholder, signPdfFile } from '../../sign/sign-pdf.ts';
import type { SigningIdentity } from '../../sign/signing-identity.ts';
import type { Narrative } from '../narrative.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { evidenceAppendix, exceptionsSection, historySection, manualEvidenceSection } from './pdf-annexes.ts';
import { controlSections } from './pdf-controls.ts';
import { cover } from './pdf-cover.ts';
import { frameworkSections } from './pdf-frameworks.ts';
import { drawPageFurnitureOnEachPage } from './pdf-page-furniture.ts';
import { utcText } from './pdf-format.ts';
import { executiveSummary, scopeSection } from './pdf-summary.ts';
import { openReportDocument } from './pdf-document.ts';
import { RowPlan, useRowPlan } from './pdf-row-plan.ts';
import type { PageSize } from './pdf-theme.ts';
import { currentPageIndex, TableOfContents, tocPagesNeeded, writeTocPages, type TocEntry } from './pdf-toc.ts';

export interface PdfLayout {
  pages: number;
  toc: TocEntry[];
  rows: RowPlan;
}

function plannedTocEntries(vm: ViewModel): number {
  const optional = [vm.exceptions?.length, vm.pbc.length || vm.manualEvidence?.length, vm.history?.length].filter(Boolean).length;
  return 2 + vm.frameworks.length + 1 + vm.controls.length + optional + 1;
}

/** One rendering pass. Without `layout` it only measures; with it, it writes the final document to `path`. */
function renderPass(vm: ViewModel, text: Narrative, signingTime: Date, options: PdfOptions, path: string | undefined, layout?: PdfLayout): PdfLayout {
  const runTime = new Date(vm.run.finishedAt);
  const { doc, close } = openReportDocument(
    path,
    { Title: `${vm.run.organization}: evidence report`, Author: vm.signer.subject, Subject: vm.run.frameworkNames.join(', '), Creator: `${vm.run.toolName} ${vm.run.toolVersion}`, CreationDate: runTime },
    options.pageSize,
  );
  try {
    const rows = layout ? RowPlan.forFinalPass(layout.rows) : new RowPlan(true);
    useRowPlan(doc, rows);
    drawPageFurnitureOnEachPage(
      doc,
      { title: `${vm.run.organization} - evidence report`, when: `Run ${utcText(vm.run.startedAt)}`, footer: `${vm.run.toolName} ${vm.run.toolVersion} - signed package, verify with: proofline verify` },
      layout?.pages,
    );

    doc.addPage();
    cover(doc, vm);
    writeTocPages(doc, layout?.toc, tocPagesNeeded(plannedTocEntries(vm), doc.page.height));
    const toc = new TableOfContents(doc, layout !== undefined);
    scopeSection(doc, vm, text, toc);
    executiveSummary(doc, vm, text, toc);
    frameworkSections(doc, vm, text, toc);
    controlSections(doc, vm, toc);
    exceptionsSection(doc, vm, text, toc);
    manualEvidenceSection(doc, vm, toc);
    historySection(doc, vm, toc);
    evidenceAppendix(doc, vm, toc);
    const pages = currentPageIndex(doc) + 1;

    if (layout) {
      addPdfSignaturePlaceholder(doc, {
        name: vm.signer.subject,
        reason: `Proofline evidence report, run ${vm.run.id}`,
        location: vm.run.accounts.length === 1 ? `AWS account ${vm.run.accounts[0]}` : `${vm.run.accounts.length} AWS accounts`,
        contactInfo: vm.run.organization,
        signingTime,
      });
      doc.end();
    }
    // The measuring pass is not ended: ending would subset and embed its fonts for output that is dropped.
    return { pages, toc: toc.entries, rows };
  } finally {
    close();
  }
}

export interface PdfOptions {
  /** A4 unless the config says Letter. */
  pageSize?: PageSize;
}

export async function renderPdf(path: string, vm: ViewModel, text: Narrative, identity: SigningIdentity, signingTime = new Date(), options: PdfOptions = {}): Promise<void> {
  const layout = renderPass(vm, text, signingTime, options, undefined);
  // The final pass writes the file as it goes; it is then signed in place (never held in memory).
  const final = renderPass(vm, text, signingTime, options, path, layout);
  if (final.pages !== layout.pages || final.toc.some((e, i) => e.page !== layout.toc[i]?.page)) {
    throw new Error(`report.pdf: the layout changed between passes (${layout.pages} vs ${final.pages} pages)`);
  }
  await signPdfFile(path, identity, signingTime);
}
