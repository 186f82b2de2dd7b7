// Every secret shape is found inside ordinary text, in any case the shape allows: the quick test that
// lets most strings skip the shape replacements must never skip a string holding one.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretRedaction } from '../../src/collect/redact.ts';
import { SAMPLE_REDACTION_KEY } from '../../src/collect/redaction-key.ts';

const redact = secretRedaction(SAMPLE_REDACTION_KEY);
const r = (v: string) => `[redacted hmac-sha256:${createHmac('sha256', SAMPLE_REDACTION_KEY).update(v).digest('hex')}]`;
const rnd = 'Ab3dEf9hIj2lMn5pQr8tUv1xYz4bCd7fGh0jKl6nOp';

// Assembled from parts so that no complete token sits in the source.
const secrets: [string, string, string][] = [
  ['url password', 'see POSTGRES://admin:' + 'pa55word@db.internal:5432/x', 'pa55word'],
  ['bearer token', 'Authorization: Bearer ' + rnd.slice(0, 24), rnd.slice(0, 24)],
  ['private key', 'key=-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY----- end', '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----'],
  ['JWT', 'token eyJ' + 'hbGciOiJIUzI1NiJ9.eyJ' + 'zdWIiOiIxMjM0In0.' + 'c2lnbmF0dXJlX2hlcmU rest', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU'],
  ['access key id', 'id AS' + 'IAQWERTYUIOPASDFGH used', 'ASIAQWERTYUIOPASDFGH'],
  ['secret access key', 'AWS_SECRET_ACCESS_KEY=' + 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['Hugging Face', 'HF ' + 'hf_' + rnd.slice(0, 34), 'hf_' + rnd.slice(0, 34)],
  ['OpenAI-style', 'key sk-' + 'proj-' + rnd.slice(0, 40), 'sk-proj-' + rnd.slice(0, 40)],
  ['GitHub', 'gh ' + 'ghp_' + rnd.slice(0, 36), 'ghp_' + rnd.slice(0, 36)],
  ['Slack', 'slack xo' + 'xb-1234567890-abcdefghij', 'xoxb-1234567890-abcdefghij'],
  ['Google', 'google AI' + 'za' + rnd.slice(0, 35), 'AIza' + rnd.slice(0, 35)],
];

describe('secret shapes in text', () => {
  for (const [name, text, secret] of secrets) {
    it(`${name}`, () => {
      const out = redact('k', { Description: text }) as { Description: string };
      expect(out.Description).toBe(text.replace(secret, r(secret)));
    });
  }

  it('text with none of the shapes comes back unchanged', () => {
    const plain = { NotebookInstanceArn: 'arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/nb-1', Tags: [{ Key: 'team', Value: 'Secret-Santa sk-learn hf-hub' }] };
    expect(redact('k', plain)).toEqual(plain);
  });
});
