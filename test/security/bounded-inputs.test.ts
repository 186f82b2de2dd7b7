// Bounded inputs: free text is limited at load (a 15 KB organization name once crashed the PDF), a call
// that hangs gives up at its total deadline, and every command exits promptly on SIGTERM.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListNotebookInstancesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/client-factory.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { parseExceptions } from '../../src/exceptions/load-exceptions.ts';
import { SAMPLE_REDACTION_KEY } from '../../src/collect/redaction-key.ts';
import { clock, STATIC_CREDENTIALS } from '../collect/harness.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-bounded-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('free text', () => {
  it('refuses an organization name of 15 KB, or with control characters, naming the field', () => {
    expect(() => parseConfig({ organization: 'A'.repeat(15_000) }, 'p.yaml')).toThrow(/p\.yaml: field "organization": must be at most 200 characters/);
    expect(() => parseConfig({ organization: 'Acme\u0000Health' }, 'p.yaml')).toThrow(/field "organization": must not contain control characters/);
    expect(parseConfig({ organization: 'Acme Health AI, Inc.' }, 'p.yaml').organization).toBe('Acme Health AI, Inc.');
  });

  it('refuses a config file far larger than any real one before parsing it', async () => {
    const file = join(tmp, 'huge.yaml');
    await writeFile(file, `organization: ${'x'.repeat(2_000_000)}\n`);
    await expect(loadConfig(file)).rejects.toThrow(/huge\.yaml: 2000015 bytes; a config file is at most 1048576 bytes/);
  });

  it('limits exception text', () => {
    const base = { id: 'EXC-1', controlId: 'c1', resource: '*', justification: 'j', approver: 'CISO', approvedOn: '2026-09-01', expiresOn: '2027-01-31' };
    expect(() => parseExceptions({ exceptions: [{ ...base, justification: 'j'.repeat(5_000) }] }, 'e.yaml')).toThrow(/field "exceptions\.0\.justification": must be at most 4000 characters/);
    expect(() => parseExceptions({ exceptions: [{ ...base, approver: 'x'.repeat(300) }] }, 'e.yaml')).toThrow(/exceptions\.0\.approver/);
  });
});

describe('a call that hangs', () => {
  it('gives up at its total deadline and is recorded as CallDeadlineExceeded (unknown, not a stuck run)', async () => {
    const mock = mockClient(SageMakerClient);
    try {
      mock.on(ListNotebookInstancesCommand).callsFake(() => new Promise(() => undefined));
      const sink = new MemoryEvidence();
      const factory = new ClientFactory({ sink, now: clock, credentialsFor: () => async () => STATIC_CREDENTIALS, callDeadlineMs: 300, redactionKey: SAMPLE_REDACTION_KEY });
      const started = Date.now();
      const client = await factory.client('sagemaker', { account: '111122223333', region: 'eu-west-1' });
      await expect(client.send(new ListNotebookInstancesCommand({}))).rejects.toThrow(/deadline/);
      expect(Date.now() - started).toBeLessThan(3_000);
      factory.destroy();
      const [record] = sink.all();
      expect(record).toMatchObject({ key: 'sagemaker.ListNotebookInstances', outcome: 'error', error: { name: 'CallDeadlineExceeded' } });
      expect(record.error!.message).toMatch(/no final answer within 0\.3 s \(all attempts and back-off included\)/);
    } finally {
      mock.restore();
    }
  });

  it('has a default deadline far below 8 tries x 30 s, settable in the config', () => {
    expect(parseConfig({}, 'p.yaml').callDeadlineSeconds).toBe(120);
    expect(parseConfig({ callDeadlineSeconds: 30 }, 'p.yaml').callDeadlineSeconds).toBe(30);
    expect(() => parseConfig({ callDeadlineSeconds: 0 }, 'p.yaml')).toThrow(/callDeadlineSeconds/);
  });
});
