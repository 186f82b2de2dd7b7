// SageMaker in the sample account: notebooks, one per posture.
import type { DescribeNotebookInstanceCommandOutput, ListNotebookInstancesCommandOutput, NotebookInstanceSummary } from '@aws-sdk/client-sagemaker';
import { paged, simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, roleArn, ROLES } from './account.ts';

interface Notebook {
  name: string;
  region: string;
  directInternet: 'Enabled' | 'Disabled';
  rootAccess: 'Enabled' | 'Disabled';
  kmsKeyId?: string;
  subnetId?: string;
}

const NOTEBOOKS: Notebook[] = [
  { name: 'clinical-nlp-research', region: 'eu-west-1', directInternet: 'Disabled', rootAccess: 'Disabled', kmsKeyId: keyArn('eu-west-1', '1f0c2a3b-0000-4000-8000-00000000a001'), subnetId: 'subnet-0a1b2c3d4e5f60001' },
  { name: 'feature-engineering', region: 'eu-west-1', directInternet: 'Disabled', rootAccess: 'Enabled', kmsKeyId: keyArn('eu-west-1', '1f0c2a3b-0000-4000-8000-00000000a001'), subnetId: 'subnet-0a1b2c3d4e5f60002' },
  { name: 'intern-sandbox', region: 'eu-west-1', directInternet: 'Enabled', rootAccess: 'Enabled' },
  { name: 'us-prototype', region: 'us-east-1', directInternet: 'Enabled', rootAccess: 'Disabled' },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListNotebookInstancesCommandOutput>('sagemaker.ListNotebookInstances', (input, t) => {
    const all: NotebookInstanceSummary[] = NOTEBOOKS.filter((n) => n.region === t.region).map((n) => ({
      NotebookInstanceName: n.name,
      NotebookInstanceArn: arn('sagemaker', t.region, `notebook-instance/${n.name}`),
      NotebookInstanceStatus: 'InService',
      InstanceType: 'ml.t3.medium',
      CreationTime: daysBefore(120),
      LastModifiedTime: daysBefore(3),
    }));
    // Small pages so that the sample exercises pagination.
    const { page, next } = paged(all, input, 2);
    return { NotebookInstances: page, NextToken: next };
  });
  sim.on<DescribeNotebookInstanceCommandOutput>('sagemaker.DescribeNotebookInstance', (input, t) => {
    const n = NOTEBOOKS.find((x) => x.name === input.NotebookInstanceName && x.region === t.region);
    if (!n) return simError('ValidationException', 400, `RecordNotFound: notebook ${input.NotebookInstanceName} not found`);
    return {
      NotebookInstanceName: n.name,
      NotebookInstanceArn: arn('sagemaker', t.region, `notebook-instance/${n.name}`),
      NotebookInstanceStatus: 'InService',
      InstanceType: 'ml.t3.medium',
      RoleArn: roleArn(ROLES.sagemakerExecution),
      DirectInternetAccess: n.directInternet,
      RootAccess: n.rootAccess,
      KmsKeyId: n.kmsKeyId,
      SubnetId: n.subnetId,
      SecurityGroups: n.subnetId ? ['sg-0123456789abcdef0'] : undefined,
      VolumeSizeInGB: 20,
      CreationTime: daysBefore(120),
      LastModifiedTime: daysBefore(3),
      PlatformIdentifier: 'notebook-al2-v3',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    };
  });
}
