// EFS and FSx in the sample account. eu-west-1: the EFS file system of the Studio domain's home
// directories (encrypted with the ML key) and the FSx for Lustre training data file system (ML key).
// us-east-1: an old shared EFS file system created without encryption and a scratch Lustre file system
// (FSx's own keys, no KMS key).
import type { DescribeFileSystemsCommandOutput as EfsOutput, FileSystemDescription } from '@aws-sdk/client-efs';
import type { DescribeFileSystemsCommandOutput as FsxOutput, FileSystem } from '@aws-sdk/client-fsx';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, keyArn, KEYS, NETWORK } from './account.ts';

const EU = 'eu-west-1';
const US = 'us-east-1';
const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

function efs(region: string, id: string, name: string, extra: Partial<FileSystemDescription>): FileSystemDescription & { region: string } {
  return {
    region,
    OwnerId: ACCOUNT,
    CreationToken: `${name}-token`,
    FileSystemId: id,
    FileSystemArn: arn('elasticfilesystem', region, `file-system/${id}`),
    CreationTime: daysBefore(300),
    LifeCycleState: 'available',
    Name: name,
    NumberOfMountTargets: 2,
    SizeInBytes: { Value: 52_428_800_000 },
    PerformanceMode: 'generalPurpose',
    ThroughputMode: 'elastic',
    Tags: [{ Key: 'Name', Value: name }],
    ...extra,
  };
}

const EFS = [
  efs(EU, 'fs-0a1b2c3d4e5f60001', 'sagemaker-studio-acme-research', { Encrypted: true, KmsKeyId: ML_KEY, Tags: [{ Key: 'ManagedByAmazonSageMakerResource', Value: arn('sagemaker', EU, 'domain/d-7k2xq9rbm4ta') }] }),
  efs(US, 'fs-0b1c2d3e4f5a60002', 'acme-shared-datasets', { Encrypted: false }),
];

function fsx(region: string, id: string, extra: Partial<FileSystem>): FileSystem & { region: string } {
  return {
    region,
    OwnerId: ACCOUNT,
    CreationTime: daysBefore(120),
    FileSystemId: id,
    FileSystemType: 'LUSTRE',
    Lifecycle: 'AVAILABLE',
    StorageCapacity: 2400,
    StorageType: 'SSD',
    VpcId: NETWORK[region as keyof typeof NETWORK].vpcId,
    SubnetIds: [NETWORK[region as keyof typeof NETWORK].privateSubnets[0]],
    DNSName: `${id}.fsx.${region}.amazonaws.com`,
    ResourceARN: arn('fsx', region, `file-system/${id}`),
    ...extra,
  };
}

const FSX = [
  fsx(EU, 'fs-0c1d2e3f4a5b60003', { KmsKeyId: ML_KEY, LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 250, MountName: 'training' }, Tags: [{ Key: 'Name', Value: 'acme-training-data' }] }),
  fsx(US, 'fs-0d1e2f3a4b5c60004', { StorageCapacity: 1200, LustreConfiguration: { DeploymentType: 'SCRATCH_2', MountName: 'scratch' }, Tags: [{ Key: 'Name', Value: 'acme-prototype-scratch' }] }),
];

const strip = <T extends { region: string }>({ region: _region, ...rest }: T) => rest;

export function register(sim: SimulatedAws): void {
  sim.on<EfsOutput>('efs.DescribeFileSystems', (_input, t) => ({ FileSystems: EFS.filter((f) => f.region === t.region).map(strip) }));
  sim.on<FsxOutput>('fsx.DescribeFileSystems', (_input, t) => ({ FileSystems: FSX.filter((f) => f.region === t.region).map(strip) }));
}
