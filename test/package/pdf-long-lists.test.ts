// Long finding and evidence lists are printed compactly in report.pdf (one line per resource under its
// reason, evidence files by folder, the appendix one cell per record), and nothing is left out: every
// failing and unknown resource, every reason and every evidence file and digest is in the text.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNarrative } from '../../src/render/narrative.ts';
import { COMPACT_FROM } from '../../src/render/pdf/pdf-finding-lists.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { buildViewModel } from '../../src/render/view-model/build-view-model.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import { describeSigner } from '../../src/sign/signing-identity.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { syntheticRun } from './synthetic-run.ts';

let work: string;
let results: RunResults;
let text: string;
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-pdf-long-'));
  ({ results } = syntheticRun({ findings: 1_200, controls: 4, evidence: 300 }));
  // Control 1's unknown findings get reasons that do not repeat: the compact list then puts each under its resource.
  results = { ...results, findings: results.findings.map((f) => (f.controlId === 'control-1' ? { ...f, reason: `${f.reason} Attempt ${f.id.length}-${f.resource.id}.` } : f)) };
  const identity = await developmentIdentity(join(work, 'home'), 'Proofline test');
  const vm = buildViewModel(results, describeSigner(identity));
  await renderPdf(join(work, 'report.pdf'), vm, await loadNarrative(vm), identity, new Date('2026-11-20T03:00:00Z'));
  text = execFileSync('pdftotext', ['-layout', join(work, 'report.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('report.pdf with long lists', () => {
  it('uses the compact layout for lists longer than the threshold', () => {
    expect(results.findings.filter((f) => f.controlId === 'control-0').length).toBeGreaterThan(COMPACT_FROM);
    expect(text).toContain('Resource (ARN, or id)');
    expect(text).toContain('Evidence files by folder');
    expect(text).toContain('File / SHA-256, collected (UTC), outcome / AWS request id');
  });

  it('lists every failing and unknown resource with its reason', () => {
    const all = squeeze(text);
    const listed = results.findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
    expect(listed.length).toBeGreaterThan(300);
    expect(listed.filter((f) => !all.includes(squeeze(`${f.account}${f.region}${f.resource.arn}`)) || !all.includes(squeeze(f.reason))).map((f) => f.id)).toEqual([]);
    const grouped = listed.filter((f) => f.controlId === 'control-0');
    expect(text.replace(/\s+/g, ' ')).toContain(`${grouped[0].reason} (${grouped.length})`);
  });

  it('names every evidence file, with its digest, collection time, outcome and request id in the appendix', () => {
    const all = squeeze(text);
    const missing = results.evidence.filter((e) => !all.includes(squeeze(`${e.file}${e.sha256}2026-11-2002:00:00UTC${e.error ? `${e.outcome}:${e.error.code}` : e.outcome}request${e.requestId}`)));
    expect(missing.map((e) => e.file)).toEqual([]);
  });
});
