// The cover page: who, what scope, when, with which tool and catalog, signed by whom. The band, the
// signature block and the closing note are shared with the period report's cover.
import { utcText } from './pdf-format.ts';
import { badge, keyValues, type Doc } from './pdf-blocks.ts';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-theme.ts';
import type { SignerDescription } from '../../sign/signing-identity.ts';
import type { ViewModel } from '../view-model/view-model.ts';

const LIST_ON_COVER = 8;

function listOrCount(items: string[], noun: string): string {
  if (items.length <= LIST_ON_COVER) return items.join(', ') || '(none)';
  return `${items.length} ${noun} (listed in "Scope and limitations")`;
}

/** The coloured band at the top: what the document is, for whom, about what; warnings as badges. */
export function coverBand(doc: Doc, band: { kicker: string; title: string; subtitle: string; badges?: string[] }): void {
  // The band bleeds off both edges, wherever the content sits across the page (Letter centres it).
  doc.save().rect(-MARGIN.left, 0, doc.page.width + 2 * MARGIN.left, 190).fill(COLOR.accent).restore();
  doc.font(FONT.regular).fontSize(SIZE.h3).fillColor('#D9E2EC').text(band.kicker, MARGIN.left, 60, { width: CONTENT_WIDTH, characterSpacing: 1.5 });
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor('#FFFFFF').text(band.title, MARGIN.left, 82, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(SIZE.h2).fillColor('#D9E2EC').text(band.subtitle, MARGIN.left, doc.y + 6, { width: CONTENT_WIDTH });
  let x = MARGIN.left;
  for (const text of band.badges ?? []) x += badge(doc, x, 168, text, 'B54708') + 6;
  doc.y = 220;
  doc.fillColor(COLOR.text);
}

/** Who signed, with which key, and the warning when the certificate proves integrity only. */
export function signatureBlock(doc: Doc, signer: SignerDescription, what = 'the package'): void {
  doc.moveDown(1);
  doc.font(FONT.bold).fontSize(SIZE.h3).fillColor(COLOR.accent).text('Signature', MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  keyValues(
    doc,
    [
      ['Signed by', signer.subject],
      ['Issuer', signer.issuer],
      ['Key source', signer.source === 'kms' ? 'AWS KMS (private key never leaves KMS)' : signer.source === 'development' ? 'Development identity (local)' : signer.source.toUpperCase()],
      ['Certificate SHA-256', signer.fingerprintSha256],
      ['Valid until', utcText(signer.notAfter)],
    ],
    { labelWidth: 110, mono: new Set(['Certificate SHA-256']) },
  );
  if (signer.selfSigned) {
    doc.moveDown(0.4);
    const y = doc.y;
    badge(doc, MARGIN.left, y, 'SELF-SIGNED', 'B54708');
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.warning).text(`The signing certificate is self-signed: the signatures prove ${what} was not changed after signing, not who signed it. Compare the certificate fingerprint above with the one the organization publishes, or sign with an organizational certificate (PKCS#12, PEM or AWS KMS).`, MARGIN.left + 80, y, { width: CONTENT_WIDTH - 80 });
  }
}

/** The small print at the foot of the cover: how to check what the reader holds. */
export function coverNote(doc: Doc, text: string): void {
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted).text(text, MARGIN.left, doc.page.height - MARGIN.bottom - 30, { width: CONTENT_WIDTH });
  doc.fillColor(COLOR.text);
}

export function cover(doc: Doc, vm: ViewModel): void {
  coverBand(doc, {
    kicker: 'PROOFLINE EVIDENCE REPORT',
    title: vm.run.organization,
    subtitle: `AI workload compliance: ${vm.run.frameworkNames.join(', ')}`,
    badges: vm.scope.replay ? ['REPLAYED FROM A RECORDING'] : [],
  });
  keyValues(
    doc,
    [
      ['Organization', vm.run.organization],
      ['Frameworks', vm.run.frameworkNames.join(', ')],
      ['AWS accounts', listOrCount(vm.run.accounts, 'accounts')],
      ['Regions', listOrCount(vm.run.regions, 'regions')],
      ['Run started', utcText(vm.run.startedAt)],
      ['Run finished', utcText(vm.run.finishedAt)],
      ['Evaluated as of', utcText(vm.run.evaluatedAt)],
      ['Evidence source', vm.run.source],
      ['Evidence', vm.scope.evidenceOrigin],
      ['Collection window', vm.scope.collectionWindow],
      ['Tool', `${vm.run.toolName} ${vm.run.toolVersion}`],
      ['Run id', vm.run.id],
      ['Catalog digest', `sha256:${vm.run.catalogDigest}`],
    ],
    { labelWidth: 110, mono: new Set(['Catalog digest', 'Run id']) },
  );
  signatureBlock(doc, vm.signer);
  coverNote(doc, 'This report, control-gaps.xlsx, results.json, the OSCAL assessment results and every evidence record are listed with their SHA-256 digests in manifest.json, signed in manifest.sig. Check the whole package with: proofline verify <package folder>.');
}
