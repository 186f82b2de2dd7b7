// period-report.pdf: the observation window at a glance, a requirement trend chart per framework,
// the controls met least often with their failures and time to remediate, and the exceptions.
// Signed like report.pdf (embedded PKCS#7), so any PDF reader can check it.
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import { addPdfSignaturePlaceholder, signPdfFile } from '../sign/sign-pdf.ts';
import { describeSigner, type SigningIdentity } from '../sign/signing-identity.ts';
import type { PeriodReport } from './build-period-report.ts';
import type { TrendPoint } from './period-stats.ts';
import { FRAMEWORK_NAMES } from '../catalog/framework-names.ts';

// Stacking order bottom-up, and colours that read in greyscale too.
const SERIES: { status: string; label: string; color: string }[] = [
  { status: 'met', label: 'met', color: '#2e7d32' },
  { status: 'partial', label: 'partial', color: '#f9a825' },
  { status: 'not_met', label: 'not met', color: '#c62828' },
  { status: 'unknown', label: 'unknown', color: '#757575' },
  { status: 'manual', label: 'awaiting attestation', color: '#90caf9' },
];

type Doc = InstanceType<typeof PDFDocument>;

function trendChart(doc: Doc, points: TrendPoint[], x: number, y: number, width: number, height: number): void {
  const totals = points.map((p) => SERIES.reduce((n, s) => n + (p.counts[s.status] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = width / Math.max(points.length, 1);
  const bar = Math.max(1, Math.min(24, slot * 0.7));
  doc.save().lineWidth(0.5).strokeColor('#999').moveTo(x, y + height).lineTo(x + width, y + height).stroke().restore();
  doc.fontSize(7).fillColor('#555').text(String(max), x - 24, y - 3, { width: 20, align: 'right' }).text('0', x - 24, y + height - 4, { width: 20, align: 'right' });
  points.forEach((p, i) => {
    let top = y + height;
    for (const s of SERIES) {
      const h = ((p.counts[s.status] ?? 0) / max) * height;
      if (h <= 0) continue;
      top -= h;
      doc.rect(x + i * slot + (slot - bar) / 2, top, bar, h).fill(s.color);
    }
  });
  const first = points[0]?.at.slice(0, 10) ?? '';
  const last = points.at(-1)?.at.slice(0, 10) ?? '';
  doc.fontSize(7).fillColor('#555').text(first, x, y + height + 3, { width: width / 2 }).text(last, x + width / 2, y + height + 3, { width: width / 2, align: 'right' });
  let lx = x;
  for (const s of SERIES) {
    doc.rect(lx, y + height + 14, 7, 7).fill(s.color);
    doc.fillColor('#000').fontSize(7).text(s.label, lx + 10, y + height + 14, { lineBreak: false });
    lx += 14 + doc.widthOfString(s.label) + 8;
  }
  doc.fillColor('#000');
}

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function write(doc: Doc, r: PeriodReport, identity: SigningIdentity, signingTime: Date): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(20).text('Observation period report');
  doc.moveDown(0.3).fontSize(11).fillColor('#333').text(`${r.organization ?? ''}${r.window.name ? ` · ${r.window.name}` : ''}`);
  doc.text(`${r.window.from} to ${r.window.to} (UTC, inclusive) · generated ${r.generatedAt}`);
  doc.moveDown(0.5).fillColor('#000').fontSize(10);
  doc.text(`Runs in the period: ${r.runs.succeeded} succeeded, ${r.runs.failed} failed${r.runs.first ? ` (first ${r.runs.first}, last ${r.runs.last})` : ''}.`);
  doc.text(r.historyVerification.ok ? `Run history hash chain: intact (${r.historyVerification.runs} runs verified).` : `Run history hash chain: BROKEN, ${r.historyVerification.problems.length} problem(s): ${r.historyVerification.problems.map((p) => `#${p.seq} ${p.problem}`).join('; ')}`);
  doc.text('Statistics: a control or requirement counts as met in a run only when it was met; unknown is never met. A failure ends at the first later run in which it is met.', { width });

  for (const fw of Object.keys(r.trend)) {
    const points = r.trend[fw as keyof typeof r.trend];
    if (!points?.length || !points.some((p) => Object.keys(p.counts).length)) continue;
    if (doc.y > doc.page.height - 220) doc.addPage();
    doc.moveDown(1).fontSize(13).text(`${FRAMEWORK_NAMES[fw as keyof typeof FRAMEWORK_NAMES] ?? fw}: requirement status per run`);
    const top = doc.y + 10;
    trendChart(doc, points, left + 28, top, width - 28, 110);
    doc.x = left;
    doc.y = top + 140;
    const reqs = (r.requirements[fw as keyof typeof r.requirements] ?? []).filter((q) => q.judgedRuns > 0);
    const always = reqs.filter((q) => q.metRuns === q.judgedRuns).length;
    const changed = reqs.filter((q) => q.changes.length > 0).length;
    doc.fontSize(9).text(`${always} of ${reqs.length} judged requirement(s) met in every run; ${changed} changed state during the period.`, left, doc.y, { width });
  }

  doc.addPage().fontSize(13).text('Controls met least often');
  doc.moveDown(0.4).fontSize(8);
  const rows = r.controls.filter((c) => c.judgedRuns > 0 && c.metRuns < c.judgedRuns).sort((a, b) => (a.shareMet ?? 0) - (b.shareMet ?? 0) || a.id.localeCompare(b.id));
  const cols = [left, left + 250, left + 300, left + 350, left + 400];
  const header = ['control', 'met', 'failures', 'open', 'median hours to fix'];
  header.forEach((h, i) => doc.font('Helvetica-Bold').text(h, cols[i], doc.y, { lineBreak: false, width: i === 0 ? 245 : 95 }));
  doc.font('Helvetica').moveDown(1);
  for (const c of rows) {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    const hours = median(c.failures.flatMap((f) => (f.hoursToRemediate === undefined ? [] : [f.hoursToRemediate])));
    const cells = [c.id, percent(c.shareMet), String(c.failures.length), String(c.failures.filter((f) => !f.remediatedAt).length), hours === undefined ? '-' : String(hours)];
    cells.forEach((v, i) => doc.text(v, cols[i], y, { lineBreak: false, width: i === 0 ? 245 : 95 }));
    doc.x = left;
    doc.y = y + 11;
  }
  if (!rows.length) doc.text('Every judged control was met in every run of the period.', left);

  if (r.exceptions.length) {
    doc.moveDown(1).fontSize(13).text('Accepted risks (exceptions)', left);
    doc.moveDown(0.3).fontSize(9);
    for (const e of r.exceptions) {
      doc.font('Helvetica-Bold').text(`${e.id} · ${e.controlId} · ${e.resource} · ${e.status}`, { width });
      doc.font('Helvetica').text(`${e.justification} Approved by ${e.approver} on ${e.approvedOn}, expires ${e.expiresOn}.`, { width }).moveDown(0.4);
    }
  }
  addPdfSignaturePlaceholder(doc, { name: describeSigner(identity).subject, reason: `Proofline period report ${r.window.from}..${r.window.to}`, location: r.organization ?? 'Proofline', contactInfo: r.organization ?? '', signingTime });
}

export async function renderPeriodPdf(path: string, report: PeriodReport, identity: SigningIdentity, signingTime = new Date()): Promise<void> {
  // The one PDF signing path: write the document with its placeholder, then sign the file in place.
  const sink = createWriteStream(path);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Proofline period report ${report.window.from} to ${report.window.to}`, Author: report.organization ?? 'Proofline', CreationDate: signingTime } });
  const done = new Promise<void>((resolve, reject) => { sink.on('finish', resolve); sink.on('error', reject); });
  doc.pipe(sink);
  write(doc, report, identity, signingTime);
  doc.end();
  await done;
  await signPdfFile(path, identity, signingTime);
}
