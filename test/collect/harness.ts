// Test harness for collectors: every SDK client Proofline may build is stubbed with aws-sdk-client-mock
// (answering {} unless a test says otherwise), and a collection runs through the real ClientFactory,
// recorder and run loop. To cover a new collector: stub its commands on `mocks.<service>` and call collect().
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { ClientFactory, type ClientFactoryOptions } from '../../src/collect/client-factory.ts';
import type { Collector } from '../../src/collect/collector.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { runCollection } from '../../src/collect/run-collection.ts';
import { serviceClientClass, SERVICE_IDS, type ServiceId } from '../../src/collect/services.ts';
import type { Scope } from '../../src/collect/target.ts';

export const ACCOUNT = '111122223333';
export const clock = () => new Date('2026-11-20T02:00:00.000Z');
export const STATIC_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

export type Mocks = Record<ServiceId, AwsStub<any, any, any>>;

export async function mockAllClients(): Promise<{ mocks: Mocks; restore: () => void }> {
  const mocks = Object.fromEntries(
    await Promise.all(
      SERVICE_IDS.map(async (id) => {
        const stub = mockClient((await serviceClientClass(id)) as never) as AwsStub<any, any, any>;
        stub.onAnyCommand().resolves({});
        return [id, stub] as const;
      }),
    ),
  ) as Mocks;
  return { mocks, restore: () => Object.values(mocks).forEach((m) => m.restore()) };
}

/** An AWS-shaped service error, as the SDK throws it. */
export function awsError(name: string, httpStatus: number, message = name, requestId = `req-${name}`): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatus >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: httpStatus, requestId } });
}

export async function collect(collectors: Collector[], scope: Scope = { accounts: [ACCOUNT], regions: ['eu-west-1'] }, factoryOptions: Partial<ClientFactoryOptions> = {}): Promise<EvidenceRecord[]> {
  const sink = new MemoryEvidence();
  const factory = new ClientFactory({ sink, now: clock, credentialsFor: () => async () => STATIC_CREDENTIALS, ...factoryOptions });
  try {
    await runCollection({ factory, sink, scope, collectors, now: clock });
  } finally {
    factory.destroy();
  }
  return sink.all();
}

/** A listed SageMaker notebook, as ListNotebookInstances returns it. */
export function nb(name: string, region = 'eu-west-1') {
  return { NotebookInstanceName: name, NotebookInstanceArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:notebook-instance/${name}` };
}

export function byKey(records: EvidenceRecord[], key: string): EvidenceRecord[] {
  return records.filter((r) => r.key === key);
}
