// OpenSearch Service and OpenSearch Serverless in the sample account.
// Domains: eu-west-1 clinical search in the VPC, fully encrypted; us-east-1 a public demo domain open to any
// principal on TLS 1.0 without encryption, and a public log-search domain limited to the office IP range
// that does not enforce HTTPS.
// Serverless (eu-west-1, vector stores of the Bedrock knowledge bases): the guidelines collection on the ML
// key, reachable only from a VPC endpoint and Bedrock; the patient FAQ collection on the AWS owned key, its
// dashboards open to the public. us-east-1 has none.
import type { DescribeDomainCommandOutput, DomainStatus, ListDomainNamesCommandOutput } from '@aws-sdk/client-opensearch';
import type { BatchGetCollectionCommandOutput, GetSecurityPolicyCommandOutput, ListCollectionsCommandOutput, ListSecurityPoliciesCommandOutput } from '@aws-sdk/client-opensearchserverless';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, keyArn, KEYS, NETWORK } from './account.ts';

const EU = 'eu-west-1';
const US = 'us-east-1';
const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

const policy = (domain: string, region: string, condition?: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttp*', Resource: arn('es', region, `domain/${domain}/*`), ...(condition ? { Condition: condition } : {}) }] });

function domain(region: string, name: string, extra: Partial<DomainStatus>): DomainStatus & { region: string } {
  return {
    region,
    DomainId: `${ACCOUNT}/${name}`,
    DomainName: name,
    ARN: arn('es', region, `domain/${name}`),
    Created: true,
    Deleted: false,
    EngineVersion: 'OpenSearch_2.17',
    ClusterConfig: { InstanceType: 'r6g.large.search', InstanceCount: 3, ZoneAwarenessEnabled: true },
    ...extra,
  };
}

const DOMAINS = [
  domain(EU, 'acme-clinical-search', {
    Endpoints: { vpc: `vpc-acme-clinical-search-abc123.${EU}.es.amazonaws.com` },
    VPCOptions: { VPCId: NETWORK[EU].vpcId, SubnetIds: [...NETWORK[EU].privateSubnets], SecurityGroupIds: [NETWORK[EU].sgRestricted] },
    AccessPolicies: policy('acme-clinical-search', EU),
    EncryptionAtRestOptions: { Enabled: true, KmsKeyId: ML_KEY },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
  }),
  domain(US, 'acme-demo-search', {
    Endpoint: `search-acme-demo-search-xyz789.${US}.es.amazonaws.com`,
    AccessPolicies: policy('acme-demo-search', US),
    EncryptionAtRestOptions: { Enabled: false },
    NodeToNodeEncryptionOptions: { Enabled: false },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
  }),
  domain(US, 'acme-log-search', {
    Endpoint: `search-acme-log-search-def456.${US}.es.amazonaws.com`,
    AccessPolicies: policy('acme-log-search', US, { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }),
    EncryptionAtRestOptions: { Enabled: true, KmsKeyId: keyArn(KEYS.logs.region, KEYS.logs.id) },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
  }),
];

const COLLECTIONS = [
  { region: EU, id: 'k7q2w9e4r1t6y3u8i5o0', name: 'kb-clinical-guidelines', kmsKeyArn: ML_KEY },
  { region: EU, id: 'p3l8m2n7b4v9c1x6z5a0', name: 'kb-patient-faq', kmsKeyArn: 'auto' },
];

type PolicyDocument = NonNullable<GetSecurityPolicyCommandOutput['securityPolicyDetail']>['policy'];

const NETWORK_POLICIES: { region: string; name: string; policy: PolicyDocument }[] = [
  {
    region: EU,
    name: 'kb-private-access',
    policy: [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-clinical-*'] }], AllowFromPublic: false, SourceVPCEs: ['vpce-0a1b2c3d4e5f60aoss'], SourceServices: ['bedrock.amazonaws.com'] }],
  },
  {
    region: EU,
    name: 'faq-dashboards-public',
    policy: [
      { Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-patient-faq'] }], AllowFromPublic: false, SourceServices: ['bedrock.amazonaws.com'] },
      { Rules: [{ ResourceType: 'dashboard', Resource: ['collection/kb-patient-faq'] }], AllowFromPublic: true },
    ],
  },
];

const strip = <T extends { region: string }>({ region: _region, ...rest }: T) => rest;
const epoch = (days: number) => daysBefore(days).getTime();

export function register(sim: SimulatedAws): void {
  sim.on<ListDomainNamesCommandOutput>('opensearch.ListDomainNames', (_input, t) => ({ DomainNames: DOMAINS.filter((d) => d.region === t.region).map((d) => ({ DomainName: d.DomainName, EngineType: 'OpenSearch' })) }));
  sim.on<DescribeDomainCommandOutput>('opensearch.DescribeDomain', (input, t) => {
    const d = DOMAINS.find((x) => x.region === t.region && x.DomainName === input.DomainName);
    return d ? { DomainStatus: strip(d) } : simError('ResourceNotFoundException', 409, `Domain not found: ${String(input.DomainName)}`);
  });

  sim.on<ListCollectionsCommandOutput>('opensearchserverless.ListCollections', (_input, t) => ({
    collectionSummaries: COLLECTIONS.filter((c) => c.region === t.region).map((c) => ({ id: c.id, name: c.name, status: 'ACTIVE', arn: arn('aoss', t.region, `collection/${c.id}`), kmsKeyArn: c.kmsKeyArn })),
  }));
  sim.on<BatchGetCollectionCommandOutput>('opensearchserverless.BatchGetCollection', (input, t) => ({
    collectionDetails: COLLECTIONS.filter((c) => c.region === t.region && (input.ids as string[]).includes(c.id)).map((c) => ({
      id: c.id,
      name: c.name,
      status: 'ACTIVE',
      type: 'VECTORSEARCH',
      arn: arn('aoss', t.region, `collection/${c.id}`),
      kmsKeyArn: c.kmsKeyArn,
      standbyReplicas: 'ENABLED',
      createdDate: epoch(200),
      lastModifiedDate: epoch(20),
      collectionEndpoint: `https://${c.id}.${t.region}.aoss.amazonaws.com`,
      dashboardEndpoint: `https://${c.id}.${t.region}.aoss.amazonaws.com/_dashboards`,
    })),
    collectionErrorDetails: [],
  }));
  sim.on<ListSecurityPoliciesCommandOutput>('opensearchserverless.ListSecurityPolicies', (input, t) => ({
    securityPolicySummaries: NETWORK_POLICIES.filter((p) => p.region === t.region && input.type === 'network').map((p) => ({ type: 'network', name: p.name, policyVersion: 'MTY4OTk0NjQ1NjEyMF8x', createdDate: epoch(200), lastModifiedDate: epoch(20) })),
  }));
  sim.on<GetSecurityPolicyCommandOutput>('opensearchserverless.GetSecurityPolicy', (input, t) => {
    const p = NETWORK_POLICIES.find((x) => x.region === t.region && x.name === input.name && input.type === 'network');
    if (!p) return simError('ResourceNotFoundException', 404, `Policy ${String(input.name)} not found`);
    return { securityPolicyDetail: { type: 'network', name: p.name, policyVersion: 'MTY4OTk0NjQ1NjEyMF8x', policy: p.policy, createdDate: epoch(200), lastModifiedDate: epoch(20) } };
  });
}
