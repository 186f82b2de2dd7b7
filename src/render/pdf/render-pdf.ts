// report.pdf: cover, contents, scope and methodology, executive summary, frameworks, controls,
// exceptions, manual evidence, history, evidence appendix; then page furniture, bookmarks and the
// embedded signature.
import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { addPdfSignaturePlaceholder, signPdf } from '../../sign/sign-pdf.ts';
import type { SigningIdentity } from '../../sign/signing-identity.ts';
import type { Narrative } from '../narrative.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { evidenceAppendix, exceptionsSection, historySection, manualEvidenceSection } from './pdf-annexes.ts';
import type { Doc } from './pdf-blocks.ts';
import { controlSections } from './pdf-controls.ts';
import { cover } from './pdf-cover.ts';
import { frameworkSections } from './pdf-frameworks.ts';
import { drawPageFurniture } from './pdf-page-furniture.ts';
import { executiveSummary, scopeSection } from './pdf-summary.ts';
import { MARGIN, PAGE } from './pdf-theme.ts';
import { TableOfContents, tocPagesNeeded } from './pdf-toc.ts';

function plannedTocEntries(vm: ViewModel): number {
  const optional = [vm.exceptions?.length, vm.manualRequests.length || vm.manualEvidence?.length, vm.history?.length].filter(Boolean).length;
  return 2 + vm.frameworks.length + 1 + vm.controls.length + optional + 1;
}

function addBookmarks(doc: Doc, toc: TableOfContents): void {
  let parent: PDFKit.PDFOutline | undefined;
  for (const e of toc.entries) {
    doc.switchToPage(e.page);
    if (e.level === 1) parent = doc.outline.addItem(e.title);
    else (parent ?? doc.outline).addItem(e.title);
  }
}

export async function renderPdf(path: string, vm: ViewModel, text: Narrative, identity: SigningIdentity, signingTime = new Date()): Promise<void> {
  const runTime = new Date(vm.run.finishedAt);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    displayTitle: true,
    info: { Title: `${vm.run.organization}: evidence report`, Author: vm.signer.subject, Subject: vm.run.frameworkNames.join(', '), Creator: `${vm.run.toolName} ${vm.run.toolVersion}`, Producer: vm.run.toolName, CreationDate: runTime, ModDate: runTime },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  cover(doc, vm);
  const tocFirst = 1;
  const tocCount = tocPagesNeeded(plannedTocEntries(vm), PAGE.height);
  for (let i = 0; i < tocCount; i++) doc.addPage();
  const toc = new TableOfContents(doc);
  scopeSection(doc, vm, text, toc);
  executiveSummary(doc, vm, text, toc);
  frameworkSections(doc, vm, text, toc);
  controlSections(doc, vm, toc);
  exceptionsSection(doc, vm, text, toc);
  manualEvidenceSection(doc, vm, text, toc);
  historySection(doc, vm, toc);
  evidenceAppendix(doc, vm, toc);

  toc.write(tocFirst, tocCount);
  drawPageFurniture(doc, vm);
  addBookmarks(doc, toc);
  doc.switchToPage(0);
  addPdfSignaturePlaceholder(doc, {
    name: vm.signer.subject,
    reason: `Proofline evidence report, run ${vm.run.id}`,
    location: vm.run.accounts.length === 1 ? `AWS account ${vm.run.accounts[0]}` : `${vm.run.accounts.length} AWS accounts`,
    contactInfo: vm.run.organization,
    signingTime,
  });
  doc.end();
  await ended;
  await writeFile(path, await signPdf(Buffer.concat(chunks), identity, signingTime));
}
