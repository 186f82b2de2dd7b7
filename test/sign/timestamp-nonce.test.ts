// A time-stamp request's nonce is a DER INTEGER: minimal and positive. Random nonce bytes starting
// 0x00 0x4b once made OpenSSL's TSA answer "Bad request format or system error", about 1 request in 256
// (seen as a rare setup failure of test/package/timestamp.test.ts; a user's TSA would refuse as often).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestTimestamp } from '../../src/sign/timestamp.ts';
import { issue, makeCa, startTsa, type LocalTsa } from '../helpers/openssl-pki.ts';
import { forcedRandomBytes } from '../helpers/forced-random-bytes.ts';

vi.mock('node:crypto', async (original) => (await import('../helpers/forced-random-bytes.ts')).cryptoWithForcedBytes(original));

let work: string;
let tsa: LocalTsa;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'proofline-nonce-'));
  const root = makeCa(work, 'tsa-root', '/O=Test Time Authority/CN=Test TSA Root');
  tsa = await startTsa(join(work, 'tsa'), await issue(work, 'tsa', '/O=Test Time Authority/CN=Test TSA', root, 'tsa'), root.cert);
}, 60_000);
afterAll(async () => {
  await tsa?.close();
  await rm(work, { recursive: true, force: true });
});

describe('time-stamp request nonce', () => {
  it.each([
    ['a leading zero byte', '004b1525bfb51cfc'],
    ['two leading zero bytes', '0000ff25bfb51cfc'],
    ['the sign bit set', 'ff4b1525bfb51cfc'],
  ])('is accepted by an OpenSSL TSA when the random bytes start with %s', async (_what, hex) => {
    const before = tsa.requests();
    forcedRandomBytes.next = Buffer.from(hex, 'hex');
    const token = await requestTimestamp(tsa.url, Buffer.from('signature value'));
    expect(forcedRandomBytes.next).toBeUndefined(); // the forced bytes were the nonce's
    expect(tsa.requests()).toBe(before + 1);
    expect(token.contentType).toBe('1.2.840.113549.1.7.2'); // a signed-data token
  });
});
