// The cover of period-report.pdf, in report.pdf's band and signature block: organization, window,
// whether it is still open, scope and evidence sources of its runs, coverage, chain check, signer.
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { keyValues } from '../render/pdf/pdf-blocks.ts';
import { coverBand, coverNote, signatureBlock } from '../render/pdf/pdf-cover.ts';
import { COLOR, FONT, MARGIN, SIZE, CONTENT_WIDTH } from '../render/pdf/pdf-theme.ts';
import type { SignerDescription } from '../sign/signing-identity.ts';
import type { PeriodReport } from './build-period-report.ts';
import { firstRunText, periodFacts, plural } from './period-labels.ts';


export const INTERIM_BADGE = 'INTERIM — WINDOW STILL OPEN';

export function periodCover(doc: Doc, r: PeriodReport, signer: SignerDescription): void {
  const windowName = r.window.name ? `${r.window.name}: ` : '';
  coverBand(doc, {
    kicker: 'PROOFLINE OBSERVATION PERIOD REPORT',
    title: r.organization ?? '(no run in the window)',
    subtitle: `${windowName}${r.window.from} to ${r.window.to}`,
    badges: [...(r.interim ? [INTERIM_BADGE] : []), ...(r.coverage.missed ? [`${plural(r.coverage.missed, 'scheduled run').toUpperCase()} MISSED`] : [])],
  });
  keyValues(
    doc,
    periodFacts(r),
    { labelWidth: 110, mono: new Set(['Catalog digest']) },
  );
  const late = firstRunText(r);
  if (late) {
    doc.moveDown(0.3);
    doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOR.warning).text(late, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.fillColor(COLOR.text);
  }
  signatureBlock(doc, signer, 'the report');
  coverNote(doc, 'period-report.json holds every figure of this report and is signed by the signer above in period-report.json.sig (detached CMS, certificate in signer-certificate.pem); this PDF carries its own embedded signature. The runs are pinned by their manifest and history chain digests in the run register.');
}
