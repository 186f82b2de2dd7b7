// Amazon EKS in the sample account (eu-west-1): the production inference cluster (private endpoint,
// secrets under the ML data key, audit log on) and a research sandbox (public endpoint open to the
// internet, no secrets encryption, control-plane logs off).
import type { Cluster, DescribeClusterCommandOutput, ListClustersCommandOutput } from '@aws-sdk/client-eks';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS, NETWORK, roleArn, ROLES } from './account.ts';

const REGION = 'eu-west-1';
const net = NETWORK[REGION];
const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

const cluster = (name: string, c: Partial<Cluster>): Cluster => ({
  name,
  arn: arn('eks', REGION, `cluster/${name}`),
  createdAt: daysBefore(300),
  version: '1.33',
  roleArn: roleArn(ROLES.sagemakerExecution),
  status: 'ACTIVE',
  platformVersion: 'eks.9',
  ...c,
});

const CLUSTERS: Cluster[] = [
  cluster('ml-inference', {
    resourcesVpcConfig: { vpcId: net.vpcId, subnetIds: [...net.privateSubnets], securityGroupIds: [net.sgRestricted], endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: keyArn(KEYS.mlData.region, KEYS.mlData.id) } }],
    logging: { clusterLogging: [{ types: [...LOG_TYPES], enabled: true }] },
  }),
  cluster('research-sandbox', {
    resourcesVpcConfig: { vpcId: net.vpcId, subnetIds: [...net.privateSubnets], securityGroupIds: [], endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] },
    logging: { clusterLogging: [{ types: [...LOG_TYPES], enabled: false }] },
  }),
];

export function register(sim: SimulatedAws): void {
  sim.on<ListClustersCommandOutput>('eks.ListClusters', (_input, t) => ({ clusters: t.region === REGION ? CLUSTERS.map((c) => c.name!) : [] }));
  sim.on<DescribeClusterCommandOutput>('eks.DescribeCluster', (input, t) => {
    const c = CLUSTERS.find((x) => x.name === input.name);
    if (!c || t.region !== REGION) return simError('ResourceNotFoundException', 404, `No cluster found for name: ${input.name}.`);
    return { cluster: c };
  });
}
