// Record -> replay: a collection against mocked clients, written as a snapshot and replayed with
// `run --source` semantics, gives the same evidence and the same results.json.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeNotebookInstanceCommand, ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import { GetBucketEncryptionCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/load-catalog.ts';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { assumeRoleFailureRecord } from '../../src/collect/preflight.ts';
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { snapshotSource, type PreparedSource } from '../../src/collect/source.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadRules } from '../../src/evaluate/rule-registry.ts';
import type { Rule } from '../../src/evaluate/rule.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import { ACCOUNT, awsError, nb, clock, collect, mockAllClients, STATIC_CREDENTIALS, type Mocks } from './harness.ts';
import { fixtureRuleEvidence } from '../helpers/evidence.ts';

const FIXTURE = new URL('../fixtures/catalog-min/', import.meta.url).pathname;
const scope = { accounts: [ACCOUNT, '444455556666'], regions: ['eu-west-1', 'us-east-1'] };
let dir: string;
let catalog: Catalog;
let rules: Map<string, Rule>;
let collectors: Collector[];
let mocks: Mocks;
let restore: () => void;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-record-'));
  [rules, collectors] = await Promise.all([loadRules(), loadCollectors()]);
  catalog = await loadCatalog(FIXTURE, { ruleEvidence: fixtureRuleEvidence(rules) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  ({ mocks, restore } = await mockAllClients());
  mocks.sagemaker
    .on(ListNotebookInstancesCommand)
    .resolves({ NotebookInstances: [nb('nb-1')], NextToken: 't2', $metadata: { requestId: 'list-1' } })
    .on(ListNotebookInstancesCommand, { NextToken: 't2' })
    .resolves({ NotebookInstances: [nb('nb-2')] });
  mocks.sagemaker.on(DescribeNotebookInstanceCommand).callsFake((input) => {
    if (input.NotebookInstanceName === 'nb-2') throw awsError('ThrottlingException', 400, 'Rate exceeded');
    return { NotebookInstanceName: input.NotebookInstanceName, DirectInternetAccess: 'Enabled', CreationTime: clock() };
  });
  mocks.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'b', BucketRegion: 'eu-west-1', CreationDate: clock() }] });
  mocks.s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 404));
});
afterEach(() => restore());

const mocked = (): PreparedSource => ({
  kind: 'live',
  location: 'aws://mocked',
  regionSelection: { method: 'requested', evidence: [] },
  scope,
  credentialsFor: () => async () => STATIC_CREDENTIALS,
  preflight: [assumeRoleFailureRecord('444455556666', 'arn:aws:iam::444455556666:role/ProoflineReadOnly', 'proofline', awsError('AccessDenied', 403), clock())],
});
const comparable = (results: object) => JSON.parse(JSON.stringify(results, (k, v) => (k === 'id' && typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? undefined : k === 'source' || k === 'regionSelection' ? undefined : v)));

describe('record -> replay', () => {
  it('replays every collector\'s evidence byte for byte', async () => {
    const recorded = await collect(collectors, scope);
    const snap = join(dir, 'all');
    await writeSnapshot(snap, recorded, scope, { createdAt: clock().toISOString() });
    restore(); // nothing may reach the mocks on replay
    const source = await snapshotSource(snap);
    const replayed = await collect(collectors, source.scope, { responder: source.responder, clientConfig: source.clientConfig as never, credentialsFor: undefined });
    expect(replayed.map((r) => `${r.id} ${r.sha256}`)).toEqual(recorded.map((r) => `${r.id} ${r.sha256}`));
  });

  it('gives an identical results.json (ignoring run id, source and how regions were chosen)', async () => {
    const config = parseConfig({}, 'test');
    const live = await runEvidenceInMemory({ catalog, rules, collectors, source: mocked(), config, now: clock });
    expect(live.records.some((r) => r.key === 'sts.AssumeRole')).toBe(true);
    expect(live.results.findings.some((f) => f.status === 'fail')).toBe(true);
    const snap = join(dir, 'run');
    await writeSnapshot(snap, live.records, scope, { createdAt: clock().toISOString() });
    restore();
    const replay = await runEvidenceInMemory({ catalog, rules, collectors, source: await snapshotSource(snap), config, now: clock });
    expect(replay.records.map((r) => r.sha256)).toEqual(live.records.map((r) => r.sha256));
    expect(comparable(replay.results)).toEqual(comparable(live.results));
    // A replay says so, with the recording's date; its regions are the recording's.
    expect(replay.results.run.source.recordedAt).toBe(clock().toISOString());
    expect(replay.results.run.regionSelection.method).toBe('recording');
    expect(live.results.run.source.recordedAt).toBeUndefined();
  });
});
