// period-report.pdf: the observation window at report.pdf's standard and in its theme, tables and
// page furniture (src/render/pdf): cover, coverage of the window by its schedule, requirement status
// per week, controls that failed (ranked) and those not evaluated (apart), the run register with the
// chain check and the exceptions. Laid out twice like report.pdf, so every page says "Page X of Y";
// signed like it (embedded PKCS#7), so any PDF reader can check it.
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import type { PdfOptions } from '../render/pdf/render-pdf.ts';
import { openReportDocument } from '../render/pdf/pdf-document.ts';
import { drawPageFurnitureOnEachPage } from '../render/pdf/pdf-page-furniture.ts';
import { currentPageIndex, TableOfContents } from '../render/pdf/pdf-toc.ts';
import { addPdfSignaturePlaceholder, signPdfFile } from '../sign/sign-pdf.ts';
import { describeSigner, type SigningIdentity } from '../sign/signing-identity.ts';
import type { PeriodReport } from './build-period-report.ts';
import { periodCover } from './period-pdf-cover.ts';
import { controlsSection } from './period-pdf-controls.ts';
import { coverageSection, trendSection } from './period-pdf-coverage.ts';
import { registerSection } from './period-pdf-register.ts';

function sections(doc: Doc, r: PeriodReport, identity: SigningIdentity, bookmarks: boolean): void {
  doc.addPage();
  periodCover(doc, r, describeSigner(identity));
  const toc = new TableOfContents(doc, bookmarks);
  coverageSection(doc, r, toc);
  trendSection(doc, r, toc);
  controlsSection(doc, r, toc);
  registerSection(doc, r, toc);
}

/** One pass; without `path` it only measures and returns the page count. */
function renderPass(r: PeriodReport, identity: SigningIdentity, signingTime: Date, options: PdfOptions, path: string | undefined, pages?: number): number {
  const title = `Proofline period report ${r.window.from} to ${r.window.to}`;
  const { doc, close } = openReportDocument(path, { Title: title, Author: describeSigner(identity).subject, Subject: r.window.name ?? title, Creator: `${r.tool.name} ${r.tool.version}`, Producer: r.tool.name, CreationDate: signingTime, ModDate: signingTime }, options.pageSize);
  try {
    drawPageFurnitureOnEachPage(
      doc,
      { title: `${r.organization ?? 'Proofline'} - observation period report${r.interim ? ' (interim)' : ''}`, when: `Window ${r.window.from} to ${r.window.to}`, footer: `${r.tool.name} ${r.tool.version} - signed report over the keyed run history`, numberCover: true },
      pages,
    );
    sections(doc, r, identity, path !== undefined);
    const count = currentPageIndex(doc) + 1;
    if (path) addPdfSignaturePlaceholder(doc, { name: describeSigner(identity).subject, reason: `Proofline period report ${r.window.from}..${r.window.to}`, location: r.organization ?? 'Proofline', contactInfo: r.organization ?? '', signingTime });
    doc.end();
    return count;
  } finally {
    close();
  }
}

export async function renderPeriodPdf(path: string, report: PeriodReport, identity: SigningIdentity, signingTime = new Date(), options: PdfOptions = {}): Promise<void> {
  const pages = renderPass(report, identity, signingTime, options, undefined);
  const final = renderPass(report, identity, signingTime, options, path, pages);
  if (final !== pages) throw new Error(`period-report.pdf: the layout changed between passes (${pages} vs ${final} pages)`);
  // The one PDF signing path: the document was written with its placeholder; sign the file in place.
  await signPdfFile(path, identity, signingTime);
}
