// The run's spool keeps each account's records and findings on disk in the order the whole run's
// results have, and refuses what would break that order instead of reordering it.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeRecord, unsealRecord } from '../../src/collect/evidence-record.ts';
import { evidenceEntry } from '../../src/results/build-results.ts';
import type { ResultFinding } from '../../src/results/run-results.ts';
import { RunSpool } from '../../src/run/run-spool.ts';
import { syntheticRun } from '../package/synthetic-run.ts';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'proofline-spool-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const byCodeUnit = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function run() {
  const { results, records } = syntheticRun({ findings: 60, evidence: 90, accounts: 3, controls: 6 });
  const controlIds = [...new Set(results.findings.map((f) => f.controlId))];
  const order = new Map(controlIds.map((c, i) => [c, i]));
  // The whole run's order: control, then finding id; records by id.
  const findings = [...results.findings].sort((a, b) => order.get(a.controlId)! - order.get(b.controlId)! || a.id.localeCompare(b.id));
  return { findings, records: [...records].sort(byCodeUnit), controlIds, order, accounts: results.run.scope.accounts };
}

describe('run spool', () => {
  it('gives back every account in the whole run order, whatever order the accounts came in', async () => {
    const r = run();
    const spool = await RunSpool.create(join(dir, 'out'));
    for (const account of [...r.accounts].reverse()) await spool.add(account, r.records.filter((x) => x.account === account), r.findings.filter((f) => f.account === account), r.order);
    const rows = await spool.finish(r.controlIds);
    expect([...rows.findings]).toEqual(r.findings);
    expect([...rows.evidence]).toEqual(r.records.map(evidenceEntry));
    expect([...rows.records].map((s) => s.text)).toEqual(r.records.map((x) => serializeRecord(unsealRecord(x))));
    expect((await readdir(join(dir, 'out'))).length).toBe(1);
    await spool.remove();
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });

  it('refuses records or findings out of order, a finding of another account, and an account stored twice', async () => {
    const r = run();
    const [a, b] = r.accounts;
    const records = r.records.filter((x) => x.account === a);
    const findings = r.findings.filter((f) => f.account === a);
    const spool = await RunSpool.create(join(dir, 'refusals'));
    expect(() => spool.add(a, [...records].reverse(), [], r.order)).toThrow(/records are not in id order/);
    expect(() => spool.add(b, [], [...findings].reverse(), r.order)).toThrow(/a finding of account .* came with account/);
    expect(() => spool.add(a, [], [...findings].reverse(), r.order)).toThrow(/not in control and id order/);
    const unknown: ResultFinding = { ...findings[0], controlId: 'not-in-the-catalog' };
    expect(() => spool.add(r.accounts[2], [], [{ ...unknown, account: r.accounts[2] }], r.order)).toThrow(/not in control and id order/);
    await spool.add(a, records, findings, r.order);
    expect(() => spool.add(a, [], [], r.order)).toThrow(/stored twice/);
    await spool.finish(r.controlIds);
    expect(() => spool.add('999999999999', [], [], r.order)).toThrow(/after the spool was finished/);
    await spool.remove();
  });

  it('fails, rather than reorders, when two accounts\u2019 findings of a control would interleave', async () => {
    const r = run();
    const [a, b] = r.accounts;
    const spool = await RunSpool.create(join(dir, 'interleave'));
    // Account b's finding under an id that sorts before account a's findings of the same control.
    const first = r.findings.find((f) => f.account === a)!;
    const intruder: ResultFinding = { ...first, account: b, id: `${first.controlId}:000000000000:x` };
    await spool.add(a, [], r.findings.filter((f) => f.account === a && f.controlId === first.controlId), r.order);
    await spool.add(b, [], [intruder], r.order);
    await expect(spool.finish(r.controlIds)).rejects.toThrow(/findings of different accounts interleave/);
    await spool.remove();
  });
});
