import { DescribeNotebookInstanceCommand, ListNotebookInstancesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/client-factory.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { SimulatedAws, simError } from '../../src/collect/simulated-aws.ts';

const target = { account: '111122223333', region: 'eu-west-1' };
const now = () => new Date('2026-01-01T00:00:00Z');

describe('evidence recorder under aws-sdk-client-mock', () => {
  let mock: ReturnType<typeof mockClient>;
  beforeEach(() => {
    mock = mockClient(SageMakerClient);
  });
  afterEach(() => mock.restore());

  it('records calls answered by aws-sdk-client-mock, even when the stub is installed after the client', async () => {
    const sink = new MemoryEvidence();
    const factory = new ClientFactory({ sink, now });
    const client = await factory.client('sagemaker', target);
    mock.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [], $metadata: { requestId: 'req-1' } });
    await client.send(new ListNotebookInstancesCommand({ MaxResults: 10 }));
    const [rec] = sink.all();
    expect(rec).toMatchObject({ key: 'sagemaker.ListNotebookInstances', outcome: 'ok', requestId: 'req-1', input: { MaxResults: 10 }, response: { NotebookInstances: [] }, collectedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('records a rejected call as an error record and rethrows it', async () => {
    const sink = new MemoryEvidence();
    const client = await new ClientFactory({ sink, now }).client('sagemaker', target);
    const denied = Object.assign(new Error('not allowed'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403, requestId: 'req-2' } });
    mock.on(DescribeNotebookInstanceCommand).rejects(denied);
    await expect(client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: 'nb' }))).rejects.toThrow('not allowed');
    expect(sink.all()[0]).toMatchObject({ outcome: 'error', requestId: 'req-2', error: { name: 'AccessDeniedException', httpStatus: 403, message: 'not allowed' } });
  });
});

describe('evidence recorder with a responder', () => {
  it('keeps a replayed answer\'s time and request id (responder middleware below retry)', async () => {
    const sim = new SimulatedAws({ requestIdFor: () => 'sim-req' }).on('sagemaker.DescribeNotebookInstance', () => simError('ValidationException', 400, 'nope'));
    const replay = async () => ({ outcome: 'ok' as const, response: { NotebookInstances: [] }, requestId: 'old-req', collectedAt: '2025-05-05T00:00:00.000Z' });
    const sink = new MemoryEvidence();
    const replayed = await new ClientFactory({ sink, now, responder: replay }).client('sagemaker', target);
    const out = await replayed.send(new ListNotebookInstancesCommand({}));
    expect(Object.keys(out)).toEqual(['NotebookInstances', '$metadata']);
    const simulated = await new ClientFactory({ sink, now, responder: sim.responder() }).client('sagemaker', target);
    await expect(simulated.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: 'x' }))).rejects.toThrow('nope');
    const [describe, list] = sink.all().sort((a, b) => a.key.localeCompare(b.key));
    expect(list).toMatchObject({ requestId: 'old-req', collectedAt: '2025-05-05T00:00:00.000Z' });
    expect(describe).toMatchObject({ outcome: 'error', requestId: 'sim-req', collectedAt: '2026-01-01T00:00:00.000Z', error: { name: 'ValidationException', httpStatus: 400 } });
  });
});
