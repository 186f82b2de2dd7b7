// Exceptions and accepted risks, manual evidence (requests and what was supplied), run history, and
// the appendix of every evidence file with its digest.
import type { EvidenceEntry } from '../../results/run-results.ts';
import type { Narrative } from '../narrative.ts';
import { STATUS_COLORS } from '../view-model/labels.ts';
import type { HistoryPointView, ManualEvidenceView, PbcItemView, ViewModel } from '../view-model/view-model.ts';
import type { CarriedValue } from '../tracker/team-columns.ts';
import { heading, paragraphs, type Doc } from './pdf-blocks.ts';
import { utcText } from './pdf-format.ts';
import { COMPACT_FROM, outcomeText } from './pdf-finding-lists.ts';
import { table } from './pdf-table.ts';
import type { TableOfContents } from './pdf-toc.ts';

export function exceptionsSection(doc: Doc, vm: ViewModel, text: Narrative, toc: TableOfContents): void {
  if (!vm.exceptions?.length) return;
  doc.addPage();
  toc.mark('Exceptions and accepted risks', 1, 'exceptions');
  heading(doc, 1, 'Exceptions and accepted risks', { destination: 'exceptions' });
  for (const e of vm.exceptions) paragraphs(doc, text.exception(e));
}

/** A team value typed into the tracker's PBC sheet, as the report shows it. */
function teamText(v: CarriedValue | undefined, unset: string): string {
  if (v === null || v === undefined || v === '') return unset;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

export function manualEvidenceSection(doc: Doc, vm: ViewModel, toc: TableOfContents): void {
  if (!vm.pbc.length && !vm.manualEvidence?.length) return;
  doc.addPage();
  toc.mark('Manual evidence', 1, 'manual');
  heading(doc, 1, 'Manual evidence', { destination: 'manual' });
  if (vm.manualEvidence?.length) {
    heading(doc, 2, 'Attested evidence supplied for review');
    paragraphs(doc, 'Each file below was supplied and attested by the person named. Proofline records what it is for, what it contains where it can read it (a vulnerability scan\'s severity counts, hosts and dates) and when it must be renewed; the auditor decides whether it is sufficient. A scan with open critical or high findings satisfies nothing.');
    table<ManualEvidenceView>(
      doc,
      [
        { header: 'Supplied for', width: 0.18, value: (m) => m.suppliedFor.join('\n'), bold: true },
        { header: 'Evidence and contents', width: 0.36, value: (m) => [m.title, m.attestedBy ? `attested by ${m.attestedBy}` : '', m.contents ?? '', m.disqualifiedBy ? `Satisfies nothing: ${m.disqualifiedBy}.` : ''].filter(Boolean).join('\n') },
        { header: 'Status / renew by', width: 0.14, value: (m) => `${m.disqualifiedBy ? 'satisfies nothing' : m.status === 'current' ? 'current, supplied for review' : m.status}\n${m.renewalDate ?? '-'}`, color: (m) => (m.disqualifiedBy || m.status !== 'current' ? `#${STATUS_COLORS.fail}` : undefined) },
        { header: 'File and SHA-256', width: 0.32, value: (m) => (m.file ? `${m.file}\n${m.sha256 ?? ''}` : '-'), mono: true },
      ],
      vm.manualEvidence,
    );
  }
  if (vm.pbc.length) {
    heading(doc, 2, `Evidence requested: PBC list (${vm.pbc.length} requests)`);
    paragraphs(doc, 'What the organization is asked to provide (PBC: provided by client) for each requirement AWS APIs cannot evidence, and for each inherited requirement whose provider documents are not attached. Owner and due date are those the team keeps in the PBC sheet of control-gaps.xlsx, carried from run to run by request id.');
    table<PbcItemView>(
      doc,
      [
        { header: 'Requirement', width: 0.22, value: (p) => `${p.requirement}\n${p.title}`, bold: true },
        { header: 'What to supply', width: 0.5, value: (p) => p.supply },
        { header: 'Owner', width: 0.15, value: (p) => teamText(p.team.Owner, 'to be assigned') },
        { header: 'Due', width: 0.13, value: (p) => teamText(p.team['Due date'], 'to be agreed') },
      ],
      vm.pbc,
    );
  }
}

export function historySection(doc: Doc, vm: ViewModel, toc: TableOfContents): void {
  if (!vm.history?.length) return;
  doc.addPage();
  toc.mark('Run history', 1, 'history');
  heading(doc, 1, 'Run history', { destination: 'history' });
  table<HistoryPointView>(
    doc,
    [
      { header: 'Run', width: 0.34, value: (h) => `${utcText(h.startedAt)}\n${h.runId}` },
      { header: 'Failing controls', width: 0.16, value: (h) => String(h.controls.fail) },
      { header: 'Unknown controls', width: 0.16, value: (h) => String(h.controls.unknown) },
      { header: 'Failing findings', width: 0.17, value: (h) => String(h.findings.fail) },
      { header: 'Passing findings', width: 0.17, value: (h) => String(h.findings.pass) },
    ],
    vm.history,
  );
}

export function evidenceAppendix(doc: Doc, vm: ViewModel, toc: TableOfContents): void {
  doc.addPage();
  toc.mark('Appendix: evidence files', 1, 'appendix');
  heading(doc, 1, 'Appendix: evidence files', { destination: 'appendix' });
  paragraphs(doc, `Every evidence record in the package (${vm.evidence.length}), with the SHA-256 of its stored bytes as listed in manifest.json. Times are UTC.`);
  if (vm.evidence.length > COMPACT_FROM) {
    // One mono cell per record: the file (its folders name the account, region, service and operation),
    // then the digest, time and outcome, then the request id: three drawn lines instead of seven cells' worth.
    table<EvidenceEntry>(doc, [{ header: 'File / SHA-256, collected (UTC), outcome / AWS request id', width: 1, mono: true, value: (e) => `${e.file}\n  ${e.sha256}  ${utcText(e.collectedAt)}  ${outcomeText(e)}${e.requestId ? `\n  request ${e.requestId}` : ''}` }], vm.evidence, { compact: true });
    return;
  }
  table<EvidenceEntry>(
    doc,
    [
      { header: 'Record', width: 0.31, value: (e) => `${e.key}\n${e.account} / ${e.region}\n${utcText(e.collectedAt)}${e.requestId ? `\nrequest ${e.requestId}` : ''}` },
      { header: 'Outcome', width: 0.11, value: (e) => (e.error ? `${e.outcome}\n${e.error.code ?? e.error.name}` : e.outcome) },
      { header: 'File and SHA-256', width: 0.58, value: (e) => `${e.file}\n${e.sha256}`, mono: true },
    ],
    vm.evidence,
  );
}
