// Live clients against a local HTTP server standing in for AWS (no network): the standard endpoint
// variables are honoured, and a timeout, a malformed response, a server error and a refused
// connection each become an error record while the run goes on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import { liveClientConfig } from '../../src/collect/live/live-client-config.ts';
import { byKey, collect } from './harness.ts';

type Reply = (path: string, body: string, res: import('node:http').ServerResponse) => void;
let reply: Reply = () => undefined;
let server: Server;
let url: string;
let notebooks: Collector[];
const saved = { ...process.env };

beforeAll(async () => {
  notebooks = (await loadCollectors()).filter((c) => c.name === 'sagemaker.notebooks');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => reply(String(req.headers['x-amz-target'] ?? req.url), body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
afterEach(() => {
  process.env = { ...saved };
});

const json = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'local-req', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const settings = { maxAttempts: 1, retryMode: 'standard' as const, requestTimeoutMs: 300, connectionTimeoutMs: 300, callDeadlineMs: 10_000 };
const run = () => collect(notebooks, undefined, { clientConfig: liveClientConfig(settings) as never });

describe('live clients', () => {
  it('send calls to AWS_ENDPOINT_URL_<SERVICE> and record the answer with its request id', async () => {
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = url;
    reply = (target, body, res) => {
      if (target.endsWith('ListNotebookInstances')) return json(res, 200, { NotebookInstances: [{ NotebookInstanceName: 'nb', NotebookInstanceArn: 'arn' }] });
      json(res, 200, { NotebookInstanceName: JSON.parse(body).NotebookInstanceName, DirectInternetAccess: 'Disabled' });
    };
    const records = await run();
    expect(records.map((r) => `${r.key}:${r.outcome}:${r.requestId}`)).toEqual(['sagemaker.DescribeNotebookInstance:ok:local-req', 'sagemaker.ListNotebookInstances:ok:local-req']);
  });

  it("record a timeout, a malformed response and a server error as errors, and go on", { timeout: 20_000 }, async () => {
    process.env.AWS_ENDPOINT_URL = url;
    reply = (target, body, res) => {
      if (target.endsWith('ListNotebookInstances')) return json(res, 200, { NotebookInstances: ['slow', 'garbled', 'broken'].map((n) => ({ NotebookInstanceName: n, NotebookInstanceArn: n })) });
      const name = JSON.parse(body).NotebookInstanceName;
      if (name === 'garbled') return json(res, 200, '{"NotebookInstanceName": ');
      if (name === 'broken') return json(res, 500, { __type: 'InternalFailure', message: 'boom' });
      // "slow": never answers; the request timeout ends it.
    };
    const records = await run();
    const byName = Object.fromEntries(byKey(records, 'sagemaker.DescribeNotebookInstance').map((r) => [r.input.NotebookInstanceName, r]));
    expect(byName.slow).toMatchObject({ outcome: 'error', error: { name: 'TimeoutError' } });
    expect(byName.garbled).toMatchObject({ outcome: 'error', error: { httpStatus: 200 } });
    expect(byName.broken).toMatchObject({ outcome: 'error', requestId: 'local-req', error: { name: 'InternalFailure', httpStatus: 500, message: 'boom' } });
    expect(byKey(records, 'sagemaker.ListNotebookInstances')[0].outcome).toBe('ok');
  });

  it('record a refused connection as an error', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    const [rec] = await run();
    expect(rec).toMatchObject({ key: 'sagemaker.ListNotebookInstances', outcome: 'error' });
    expect(rec.error!.message + (rec.error!.code ?? '')).toMatch(/ECONNREFUSED/);
  });
});
