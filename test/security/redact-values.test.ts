// Secrets are redacted by value as well as by key name, as HMACs under a per-installation key that
// is created on first use (0600) outside every package.
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretRedaction } from '../../src/collect/redact.ts';
import { installationRedactionKey, REDACTION_KEY_FILE, SAMPLE_REDACTION_KEY } from '../../src/collect/redaction-key.ts';

const KEY = SAMPLE_REDACTION_KEY;
const redact = secretRedaction(KEY);
const r = (v: string) => `[redacted hmac-sha256:${createHmac('sha256', KEY).update(v).digest('hex')}]`;
const HF = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const SK = 'sk-proj-Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7j';
const GH = 'ghp_Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jK';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'proofline-redkey-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('redaction by value', () => {
  it('redacts SageMaker hyperparameters, container arguments and entrypoints holding secrets', () => {
    const job = {
      TrainingJobName: 'sk-learn-training-job-2026-11-20-02-00-00',
      HyperParameters: { hf_token: HF, db_url: 'postgres://ml:hunter2@db.internal:5432/features', epochs: '3', model_id: 'meta-llama/Llama-3-8B' },
      AppSpecification: { ImageUri: 'img', ContainerArguments: ['--api-key', SK, '--password=s3cr3t', '--epochs', '3'], ContainerEntrypoint: ['python', 'train.py', '--github-token', GH] },
    };
    expect(redact('sagemaker.DescribeTrainingJob', job)).toEqual({
      TrainingJobName: 'sk-learn-training-job-2026-11-20-02-00-00',
      HyperParameters: { hf_token: r(HF), db_url: `postgres://ml:${r('hunter2')}@db.internal:5432/features`, epochs: '3', model_id: 'meta-llama/Llama-3-8B' },
      AppSpecification: { ImageUri: 'img', ContainerArguments: ['--api-key', r(SK), `--password=${r('s3cr3t')}`, '--epochs', '3'], ContainerEntrypoint: ['python', 'train.py', '--github-token', r(GH)] },
    });
  });

  it('redacts secret shapes inside any text: bearer tokens, AWS keys, API keys, private keys', () => {
    const text = `curl -H "Authorization: Bearer abcDEF123456789xyz" && export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE aws_secret_access_key=${AWS_SECRET} HF=${HF} -----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----`;
    const out = redact('x.Y', { Description: text }) as { Description: string };
    expect(out.Description).toBe(
      `curl -H "Authorization: Bearer ${r('abcDEF123456789xyz')}" && export AWS_ACCESS_KEY_ID=${r('AKIAIOSFODNN7EXAMPLE')} aws_secret_access_key=${r(AWS_SECRET)} HF=${r(HF)} ${r('-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----')}`,
    );
    for (const s of [HF, SK, GH, AWS_SECRET, 'hunter2', 'MIIabc']) expect(JSON.stringify(out)).not.toContain(s);
  });

  it('keeps what is not a secret: access key ids where AWS lists them, ARNs, policies, ordinary names', () => {
    const keys = { AccessKeyMetadata: [{ AccessKeyId: 'AKIAALICEADMIN0EXAMP', UserName: 'alice' }] };
    expect(redact('iam.ListAccessKeys', keys)).toEqual(keys);
    const policy = { Statement: [{ Action: ['secretsmanager:GetSecretValue'], Resource: 'arn:aws:s3:::bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }], url: 'https://example.com/path' };
    expect(redact('iam.GetPolicyVersion', policy)).toEqual(policy);
  });

  it('is idempotent, and leaves values redacted by earlier versions as they are', () => {
    const once = redact('x.Y', { HyperParameters: { db_url: 'mysql://u:p4ss@h/db', t: HF }, Environment: { K: 'v' } });
    expect(redact('x.Y', once)).toEqual(once);
    const old = { MasterUserPassword: `[redacted sha256:${createHash('sha256').update('p').digest('hex')}]` };
    expect(redact('x.Y', old)).toEqual(old);
  });

  it('is keyed: the same secret under another installation\'s key gives another value, and no unkeyed SHA-256', () => {
    const other = secretRedaction(Buffer.alloc(32, 7));
    const a = redact('x.Y', { Password: 'pw' }) as { Password: string };
    const b = other('x.Y', { Password: 'pw' }) as { Password: string };
    expect(a.Password).not.toBe(b.Password);
    expect(a.Password).not.toContain(createHash('sha256').update('pw').digest('hex'));
  });
});

describe('the installation key', () => {
  it('is created once under PROOFLINE_HOME with 0600 permissions and reused', async () => {
    const key = installationRedactionKey(home);
    const file = join(home, REDACTION_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(key).toString('hex')).toBe((await readFile(file, 'utf8')).trim());
    expect(installationRedactionKey(home)).toBe(key);
  });

  it('is never replaced when it exists but is malformed', async () => {
    const other = await mkdtemp(join(tmpdir(), 'proofline-redkey-bad-'));
    await writeFile(join(other, REDACTION_KEY_FILE), 'garbage');
    expect(() => installationRedactionKey(other)).toThrow(/not a redaction key/);
    expect(await readFile(join(other, REDACTION_KEY_FILE), 'utf8')).toBe('garbage');
    await rm(other, { recursive: true, force: true });
  });
});

describe('the sample account', () => {
  it('holds the scenario\'s pasted secrets only redacted (built under the documented sample key)', async () => {
    const { readdir } = await import('node:fs/promises');
    const dir = 'samples/sample-account/records/111122223333/us-east-1/sagemaker/DescribeTrainingJob';
    const texts = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    const all = texts.join('\n');
    expect(all).toContain(`"hf_token": "${r('hf_SaMpLeToKeN0123456789aBcDeFgHiJkLmN')}"`);
    expect(all).toContain(`postgres://trainer:${r('Winter2026!')}@features.internal`);
    expect(all).not.toMatch(/hf_SaMpLe|Winter2026/);
  });
});
