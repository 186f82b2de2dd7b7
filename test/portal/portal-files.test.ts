// The portal's files, read without a browser: signed like the rest of the package, a strict CSP and
// no external reference, and data scripts that decode back to exactly results.json (evaluated in a
// vm context as the page would). Also the 100k-finding shape: bounded chunks, every record present.
import { readdir, readFile, stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/results/run-results.ts';
import { CHUNK_BYTES, recordTextsFrom } from '../../src/render/portal/portal-evidence.ts';
import { ROWS_PER_CHUNK } from '../../src/render/portal/portal-data.ts';
import { PORTAL_CSP, renderPortal } from '../../src/render/portal/render-portal.ts';
import { verifyPackage } from '../../src/package/verify-package.ts';
import { samplePackage, type BuiltPackage } from '../package/package-fixture.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

interface Decoded {
  data: Record<string, any>;
  chunks: Map<number, string[]>;
}

/** Runs index.html's scripts (data, then every evidence chunk) in a sandbox, the way the page does. */
async function loadPortal(portalDir: string): Promise<Decoded> {
  const html = await readFile(join(portalDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]).filter((s) => s !== 'portal.js');
  const sandbox: Record<string, any> = {};
  createContext(sandbox);
  for (const s of scripts) runInContext(await readFile(join(portalDir, s), 'utf8'), sandbox, { filename: s });
  const chunks = new Map<number, string[]>();
  sandbox.PROOFLINE_PORTAL.evidenceChunk = (n: number, texts: string[]) => chunks.set(n, texts);
  for (const f of (await readdir(join(portalDir, 'evidence'))).sort()) runInContext(await readFile(join(portalDir, 'evidence', f), 'utf8'), sandbox, { filename: f });
  return { data: sandbox.PROOFLINE_PORTAL, chunks };
}

/** The row layouts of portal-data.ts, decoded as portal.js decodes them. */
function decodeFindings(d: Record<string, any>) {
  const t = d.tables;
  const evidenceIds = d.evidenceRows.flat().map((r: any[]) => r[0]);
  return d.findingRows.flat().map((r: any[]) => {
    const [id, c, s, type, rid, arn, a, reg, reason, ev, extra] = r;
    const controlId = t.controlIds[c];
    return {
      id: id || `${controlId}:${t.accounts[a]}:${t.regions[reg]}:${rid}`,
      controlId,
      status: d.codes.findingStatus[s],
      resource: { type: t.types[type], id: rid, ...(arn ? { arn } : {}) },
      account: t.accounts[a],
      region: t.regions[reg],
      reason,
      evidence: ev.map((x: number | string) => (typeof x === 'number' ? evidenceIds[x] : x)),
      ...(extra || {}),
    };
  });
}

let pkg: BuiltPackage;
let results: RunResults;
beforeAll(async () => {
  pkg = await samplePackage();
  results = JSON.parse(await readFile(join(pkg.dir, 'results.json'), 'utf8')) as RunResults;
});
afterAll(() => pkg?.cleanup());

describe('portal files in the sample package', () => {
  it('are listed in the manifest with their digests, and verify passes', async () => {
    const manifest = JSON.parse(await readFile(join(pkg.dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const listed = manifest.files.map((f) => f.path).filter((p) => p.startsWith('portal/'));
    expect(listed).toEqual(expect.arrayContaining(['portal/index.html', 'portal/portal.js', 'portal/portal.css', 'portal/data/run.js', 'portal/data/findings-0001.js', 'portal/data/evidence-0001.js', 'portal/evidence/0000.js']));
    const onDisk = (await readdir(join(pkg.dir, 'portal'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    expect(listed).toHaveLength(onDisk);
    const report = await verifyPackage(pkg.dir, { pdfsig: false });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('has a strict CSP, no inline script or style, and no reference outside the package', async () => {
    const html = await readFile(join(pkg.dir, 'portal/index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PORTAL_CSP.replace(/'/g, '&#x27;')}">`);
    expect(PORTAL_CSP).toMatch(/default-src 'none'/);
    expect(PORTAL_CSP).toMatch(/connect-src 'none'/);
    expect(PORTAL_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(html).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toMatch(/<html lang="en">/);
    for (const f of ['index.html', 'portal.js', 'portal.css']) {
      const text = await readFile(join(pkg.dir, 'portal', f), 'utf8');
      expect(text, f).not.toMatch(/https?:\/\/|url\(|@import|fetch\(|XMLHttpRequest|innerHTML|eval\(/);
    }
  });

  it('decodes back to results.json: every finding, every evidence entry, every requirement', async () => {
    const { data, chunks } = await loadPortal(join(pkg.dir, 'portal'));
    expect(data.format).toBe('proofline-portal');
    expect(decodeFindings(data)).toEqual(results.findings);
    const t = data.tables;
    const evidence = data.evidenceRows.flat().map((r: any[]) => {
      const [id, key, a, reg, outcome, collectedAt, requestId, sha256, file, error] = r;
      return { id, key: t.keys[key], account: t.accounts[a], region: t.regions[reg], outcome: data.codes.evidenceOutcome[outcome], collectedAt, sha256, file: file || `evidence/records/${id}.json`, ...(requestId ? { requestId } : {}), ...(error ? { error } : {}) };
    });
    expect(evidence).toEqual(results.evidence);
    expect(data.requirements).toEqual(results.requirements);
    expect(data.controls).toEqual(results.controls);
    expect(data.summary).toEqual(results.summary);
    // Every record's text is the stored file, byte for byte.
    const texts = [...chunks.keys()].sort((a, b) => a - b).flatMap((k) => chunks.get(k)!);
    expect(texts).toHaveLength(results.evidence.length);
    for (const [i, e] of results.evidence.entries()) expect(texts[i]).toBe(await readFile(join(pkg.dir, e.file), 'utf8'));
    expect(data.evidenceChunkStarts[0]).toBe(0);
  });
});

describe('portal at 100,000 findings', () => {
  it('streams bounded chunks, with every finding and every record present', async () => {
    const work = await mkdtemp(join(tmpdir(), 'proofline-portal-'));
    try {
      const { results: big, records } = syntheticRun({ findings: 100_000, evidence: 3000, controls: 40, accounts: 5 });
      await renderPortal(work, big, { subject: 'CN=test', issuer: 'CN=test', fingerprintSha256: 'f'.repeat(64), selfSigned: true, source: 'development' } as never, { recordText: recordTextsFrom(records) });
      const data = await readdir(join(work, 'portal/data'));
      expect(data.filter((f) => f.startsWith('findings-'))).toHaveLength(Math.ceil(big.findings.length / ROWS_PER_CHUNK));
      const evidenceChunks = await readdir(join(work, 'portal/evidence'));
      for (const f of evidenceChunks) expect((await stat(join(work, 'portal/evidence', f))).size).toBeLessThan(CHUNK_BYTES + 64 * 1024);
      const { data: decoded, chunks } = await loadPortal(join(work, 'portal'));
      expect(decodeFindings(decoded)).toEqual(big.findings);
      expect([...chunks.values()].flat()).toHaveLength(records.length);
      const sizes = await Promise.all(data.map(async (f) => (await stat(join(work, 'portal/data', f))).size));
      // One findings chunk stays a few MB, whatever the run's size.
      expect(Math.max(...sizes)).toBeLessThan(4 * 1024 * 1024);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
