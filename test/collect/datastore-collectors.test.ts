// The data-store collectors under aws-sdk-client-mock: DynamoDB's own paging (ExclusiveStartTableName) read
// as one call by rules, OpenSearch Serverless collection details in batches of 100, network policies read
// one by one, and the follow-ups a failed list leaves out.
import { DescribeContinuousBackupsCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { BatchGetCollectionCommand, GetSecurityPolicyCommand, ListCollectionsCommand, ListSecurityPoliciesCommand } from '@aws-sdk/client-opensearchserverless';
import { DescribeDomainCommand, ListDomainNamesCommand } from '@aws-sdk/client-opensearch';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { EvidenceView } from '../../src/evaluate/evidence-view.ts';
import { awsError, byKey, collect, mockAllClients, type Mocks } from './harness.ts';

let all: Collector[];
const named = (...names: string[]) => all.filter((c) => names.includes(c.name));
const EU = { account: '111122223333', region: 'eu-west-1' };

beforeAll(async () => {
  all = await loadCollectors();
});

describe('data-store collectors', () => {
  let mocks: Mocks;
  let restore: () => void;
  beforeEach(async () => ({ mocks, restore } = await mockAllClients()));
  afterEach(() => restore());

  it('DynamoDB: follows ListTables pages and describes each table; rules see the pages as one call', async () => {
    mocks.dynamodb
      .on(ListTablesCommand)
      .resolves({ TableNames: ['a', 'b'], LastEvaluatedTableName: 'b' })
      .on(ListTablesCommand, { ExclusiveStartTableName: 'b' })
      .resolves({ TableNames: ['c'] });
    mocks.dynamodb.on(DescribeTableCommand).callsFake((input) => ({ Table: { TableName: input.TableName } }));
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).callsFake(() => ({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED' } }));
    const records = await collect(named('dynamodb.tables'));
    expect(byKey(records, 'dynamodb.ListTables')).toHaveLength(2);
    expect(byKey(records, 'dynamodb.DescribeTable').map((r) => r.input.TableName).sort()).toEqual(['a', 'b', 'c']);
    expect(byKey(records, 'dynamodb.DescribeContinuousBackups').map((r) => r.input.TableName).sort()).toEqual(['a', 'b', 'c']);
    const call = new EvidenceView(records).call('dynamodb.ListTables', EU);
    expect(call.state === 'ok' && call.responses.flatMap((r) => (r as { TableNames: string[] }).TableNames).sort()).toEqual(['a', 'b', 'c']);
  });

  it('OpenSearch Serverless: collection details in batches of at most 100 ids, each network policy read by name', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    mocks.opensearchserverless.on(ListCollectionsCommand).resolves({ collectionSummaries: ids.map((id) => ({ id, name: `n-${id}` })) });
    mocks.opensearchserverless.on(BatchGetCollectionCommand).callsFake((input) => ({ collectionDetails: (input.ids as string[]).map((id) => ({ id })) }));
    mocks.opensearchserverless.on(ListSecurityPoliciesCommand).resolves({ securityPolicySummaries: [{ type: 'network', name: 'p1' }, { type: 'network', name: 'p2' }] });
    mocks.opensearchserverless.on(GetSecurityPolicyCommand).callsFake((input) => ({ securityPolicyDetail: { type: input.type, name: input.name, policy: [] } }));
    const records = await collect(named('opensearchserverless.collections', 'opensearchserverless.network-policies'));
    expect(byKey(records, 'opensearchserverless.BatchGetCollection').map((r) => (r.input.ids as string[]).length).sort()).toEqual([100, 50]);
    expect(byKey(records, 'opensearchserverless.ListSecurityPolicies')[0]!.input).toMatchObject({ type: 'network' });
    expect(byKey(records, 'opensearchserverless.GetSecurityPolicy').map((r) => r.input).sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([{ type: 'network', name: 'p1' }, { type: 'network', name: 'p2' }]);
  });

  it('OpenSearch Service: a denied ListDomainNames is recorded and nothing is described', async () => {
    mocks.opensearch.on(ListDomainNamesCommand).rejects(awsError('AccessDeniedException', 403, 'not authorized to perform es:ListDomainNames'));
    const records = await collect(named('opensearch.domains'));
    expect(records.map((r) => `${r.key}:${r.outcome}`)).toEqual(['opensearch.ListDomainNames:error']);
    expect(mocks.opensearch.commandCalls(DescribeDomainCommand)).toHaveLength(0);
  });
});
