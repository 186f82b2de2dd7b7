// The run register of period-report.pdf: every run of the window as the keyed history holds it (times,
// outcome, evidence source, run id, manifest and chain entry digests), the history chain check, and the
// exceptions (accepted risks) seen in the window.
import type { Doc } from '../render/pdf/pdf-blocks.ts';
import { heading, keyValues, paragraphs } from '../render/pdf/pdf-blocks.ts';
import { utcText } from '../render/pdf/pdf-format.ts';
import { table } from '../render/pdf/pdf-table.ts';
import { STATUS_COLORS } from '../render/view-model/labels.ts';
import type { ExceptionEntry } from '../results/run-results.ts';
import type { TableOfContents } from '../render/pdf/pdf-toc.ts';
import { startSection } from './period-pdf-section.ts';
import type { PeriodReport, RegisteredRun } from './build-period-report.ts';
import { chainText, RUN_STATUS_LABELS, runSourceText } from './period-labels.ts';

function runCell(run: RegisteredRun): string {
  return [`#${run.seq}  ${RUN_STATUS_LABELS[run.status]}`, `started ${utcText(run.startedAt)}`, `finished ${utcText(run.finishedAt)}`, run.error ? `error: ${run.error}` : runSourceText(run, true), run.prunedAt ? `package removed by retention ${utcText(run.prunedAt)}` : ''].filter(Boolean).join('\n');
}

export function registerSection(doc: Doc, r: PeriodReport, toc: TableOfContents): void {
  startSection(doc, toc, 'Run register', 'register');
  paragraphs(doc, `Every run recorded in the window (${r.runRegister.length}), in the order of the history. The manifest digest is the SHA-256 of the run package's manifest.json as recorded when the run finished; the entry digest chains the run to the one before it. Check a package against it with: proofline verify <package folder>.`);
  table<RegisteredRun>(
    doc,
    [
      { header: 'Run', width: 0.41, value: runCell, color: (run) => (run.status === 'failed' ? `#${STATUS_COLORS.fail}` : undefined) },
      { header: 'Run id / manifest SHA-256 / chain entry SHA-256', width: 0.59, value: (run) => `${run.runId}\n${run.manifestSha256 ?? '- (no package)'}\n${run.entrySha256}`, mono: true },
    ],
    r.runRegister,
    { emptyText: 'No run is recorded in the window.' },
  );
  heading(doc, 2, 'History chain check');
  keyValues(doc, [
    ['Result', chainText(r)],
    ...r.historyVerification.notes.map((n): [string, string] => ['Note', n]),
  ]);
  exceptionsBlock(doc, r.exceptions);
}

function exceptionsBlock(doc: Doc, exceptions: readonly ExceptionEntry[]): void {
  heading(doc, 2, `Exceptions and accepted risks (${exceptions.length})`);
  table<ExceptionEntry>(
    doc,
    [
      { header: 'Exception', width: 0.3, value: (e) => `${e.id}\n${e.controlId}\n${e.resource}` },
      { header: 'Approved / expires', width: 0.22, value: (e) => `${e.approver}\n${e.approvedOn} / ${e.expiresOn}\n${e.status === 'active' ? 'in force at its last run' : 'expired'}` },
      { header: 'Justification', width: 0.48, value: (e) => e.justification },
    ],
    exceptions,
    { emptyText: 'No exception was in force in the window.' },
  );
}
