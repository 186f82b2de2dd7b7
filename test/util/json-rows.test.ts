// results.json's rows read back by position: what the package's renderers iterate instead of the arrays.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeResultsJson } from '../../src/render/results-json.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { FileRows, pickRows } from '../../src/util/json-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'proofline-json-rows-'));

function finding(n: number, reason = `reason ${n}`) {
  return { id: `c:${n}`, controlId: 'c', status: n % 3 ? 'pass' : 'fail', resource: { type: 'T', id: `r-${n}` }, account: '111122223333', region: 'eu-west-1', reason, evidence: [`e-${n}`] };
}

function results(findings: unknown[], evidence: unknown[]): RunResults {
  return { schema: 'proofline/results', schemaVersion: 1, run: { id: 'r' }, summary: {}, scope: {}, controls: [], findings, requirements: {}, evidence } as unknown as RunResults;
}

async function written(name: string, r: RunResults) {
  const path = join(dir, name);
  const rows = await writeResultsJson(path, r);
  return { path, findings: FileRows.of<unknown>(path, rows.findings), evidence: FileRows.of<unknown>(path, rows.evidence) };
}

describe('rows of results.json read back by position', () => {
  // Multi-byte text before and inside rows: positions are bytes, not characters.
  const findings = Array.from({ length: 5000 }, (_, n) => finding(n, n % 7 ? `reason ${n}` : `Grüße ✓ 名前 ${n} ${'x'.repeat(n % 50)}`));
  const evidence = Array.from({ length: 1200 }, (_, n) => ({ id: `e-${n}`, file: `evidence/records/e-${n}.json`, sha256: 'ab'.repeat(32) }));

  it('iterates every row in order, equal to what was written, and the file still parses whole', async () => {
    const r = results(findings, evidence);
    r.run = { id: 'Grüße' } as never;
    const w = await written('order.json', r);
    expect(w.findings.length).toBe(findings.length);
    expect([...w.findings]).toEqual(findings);
    expect([...w.evidence]).toEqual(evidence);
    expect(JSON.parse(readFileSync(w.path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('picks rows in the order asked, scattered or backwards, and twice over', async () => {
    const w = await written('pick.json', results(findings, evidence));
    const indices = [4999, 0, 17, 17, 2500, 1, 4998, 333];
    expect([...w.findings.pick(indices)]).toEqual(indices.map((i) => findings[i]));
    const picked = pickRows(w.findings, indices);
    expect([...picked]).toEqual([...picked]);
    expect(pickRows(findings, indices)).toEqual(indices.map((i) => findings[i]));
    expect([...w.findings.pick([])]).toEqual([]);
  });

  it('reads a row longer than its read-ahead, and iterations inside one another', async () => {
    const long = [finding(0, 'y'.repeat(600_000)), finding(1), finding(2, 'z'.repeat(300_000))];
    const w = await written('long.json', results(long, evidence));
    expect([...w.findings]).toEqual(long);
    const pairs: string[] = [];
    for (const f of w.findings.pick([1, 0])) for (const e of w.evidence.pick([2, 1])) pairs.push(`${(f as { id: string }).id}/${(e as { id: string }).id}`);
    expect(pairs).toEqual(['c:1/e-2', 'c:1/e-1', 'c:0/e-2', 'c:0/e-1']);
  });

  it('a file cut short after it was written is an error naming it, not rows missing quietly', async () => {
    const w = await written('cut.json', results(findings, evidence));
    truncateSync(w.path, 1000);
    expect(() => [...w.findings]).toThrow(/cut\.json: row \d+ .* past the end of the file/);
  });

  it('a row changed in place is an error, not a different row', async () => {
    const w = await written('changed.json', results(findings.slice(0, 3), []));
    const text = readFileSync(w.path, 'utf8');
    writeFileSync(w.path, text.replace('"c:1"', '["c:1'));
    expect(() => [...w.findings]).toThrow(SyntaxError);
  });
});
