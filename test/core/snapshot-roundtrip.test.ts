import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListNotebookInstancesCommandOutput, DescribeNotebookInstanceCommandOutput } from '@aws-sdk/client-sagemaker';
import { loadCatalog, type Catalog } from '../../src/catalog/load-catalog.ts';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { paged, simError, SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { simulatedSource, snapshotSource } from '../../src/collect/source.ts';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { readSnapshotIndex, SnapshotError } from '../../src/collect/snapshot/read-snapshot.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadRules } from '../../src/evaluate/rule-registry.ts';
import type { Rule } from '../../src/evaluate/rule.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import { fixtureRuleEvidence } from '../helpers/evidence.ts';

const FIXTURE = new URL('../fixtures/catalog-min/', import.meta.url).pathname;
const ACCOUNT = '111122223333';
const scope = { accounts: [ACCOUNT], regions: ['eu-west-1', 'us-east-1'] };
const clock = () => new Date('2026-11-20T02:00:00.000Z');
let dir: string;
let catalog: Catalog;
let rules: Map<string, Rule>;
let collectors: Collector[];

function world(): SimulatedAws {
  const names = ['nb-1', 'nb-2', 'nb-3'];
  return new SimulatedAws()
    .on<ListNotebookInstancesCommandOutput>('sagemaker.ListNotebookInstances', (input, t) => {
      if (t.region === 'us-east-1') return simError('AccessDeniedException', 403, 'not authorized to perform sagemaker:ListNotebookInstances');
      const { page, next } = paged(names.map((n) => ({ NotebookInstanceName: n, NotebookInstanceArn: `arn:aws:sagemaker:${t.region}:${ACCOUNT}:notebook-instance/${n}`, CreationTime: clock(), LastModifiedTime: clock() })), input, 2);
      return { NotebookInstances: page, NextToken: next };
    })
    .on<DescribeNotebookInstanceCommandOutput>('sagemaker.DescribeNotebookInstance', (input) => ({
      NotebookInstanceName: input.NotebookInstanceName,
      DirectInternetAccess: input.NotebookInstanceName === 'nb-2' ? 'Enabled' : 'Disabled',
    }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-snapshot-'));
  [rules, collectors] = await Promise.all([loadRules(), loadCollectors()]);
  catalog = await loadCatalog(FIXTURE, { ruleEvidence: fixtureRuleEvidence(rules) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const strip = (results: object) => JSON.parse(JSON.stringify(results, (k, v) => (['id', 'startedAt', 'finishedAt', 'source'].includes(k) && typeof v !== 'object' ? undefined : k === 'source' || k === 'regionSelection' ? undefined : v))); // a replay differs only in where its evidence came from and how its regions were chosen

describe('snapshot round trip', () => {
  it('records every page and error, and replays to identical evidence and results', async () => {
    const config = parseConfig({}, 'test');
    const live = await runEvidenceInMemory({ catalog, rules, collectors, source: simulatedSource(world().responder(), scope), config, now: clock });
    const pages = live.records.filter((r) => r.key === 'sagemaker.ListNotebookInstances' && r.region === 'eu-west-1');
    expect(pages).toHaveLength(2);
    expect(live.records.find((r) => r.region === 'us-east-1')?.error?.name).toBe('AccessDeniedException');
    expect(live.results.findings.map((f) => `${f.region}:${f.resource.id}:${f.status}`)).toEqual(['eu-west-1:nb-1:pass', 'eu-west-1:nb-2:fail', 'eu-west-1:nb-3:pass', 'us-east-1:111122223333/us-east-1:unknown']);

    const snap = join(dir, 'snap');
    await writeSnapshot(snap, live.records, scope, { createdAt: clock().toISOString() });
    const replay = await runEvidenceInMemory({ catalog, rules, collectors, source: await snapshotSource(snap), config, now: () => new Date('2030-01-01T00:00:00Z'), evaluatedAt: clock() });
    expect(replay.records).toEqual(live.records);
    expect(strip(replay.results)).toEqual(strip(live.results));
  });

  it('answers a call the snapshot does not hold, or an altered record, with an error (unknown), never a guess', async () => {
    const config = parseConfig({}, 'test');
    const live = await runEvidenceInMemory({ catalog, rules, collectors, source: simulatedSource(world().responder(), scope), config, now: clock });
    const snap = join(dir, 'tampered');
    await writeSnapshot(snap, live.records.filter((r) => !(r.key === 'sagemaker.DescribeNotebookInstance' && r.input.NotebookInstanceName === 'nb-3')), scope, { createdAt: clock().toISOString() });
    const index = await readSnapshotIndex(snap);
    const nb1 = index.records.find((r) => r.key === 'sagemaker.DescribeNotebookInstance')!;
    const file = join(snap, nb1.file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Disabled"', '"Disabled" '));
    const replay = await runEvidenceInMemory({ catalog, rules, collectors, source: await snapshotSource(snap), config, now: clock });
    const byResource = Object.fromEntries(replay.results.findings.map((f) => [f.resource.id, f]));
    expect(byResource['nb-3'].status).toBe('unknown');
    expect(byResource['nb-3'].reason).toContain('NotInSnapshot');
    expect(replay.results.findings.filter((f) => f.reason.includes('SnapshotDigestMismatch'))).toHaveLength(1);
  });

  it('rejects a malformed snapshot index naming the file and field', async () => {
    const bad = join(dir, 'bad');
    await writeSnapshot(bad, [], scope, { createdAt: clock().toISOString() });
    const indexFile = join(bad, 'snapshot.json');
    await writeFile(indexFile, (await readFile(indexFile, 'utf8')).replace('"proofline-snapshot"', '"something-else"'));
    await expect(readSnapshotIndex(bad)).rejects.toThrow(SnapshotError);
    await expect(readSnapshotIndex(bad)).rejects.toThrow(/snapshot\.json: field "format"/);
  });
});
