// A certificate serial is a DER INTEGER: minimal (no leading 0x00 before a byte below 0x80) and positive.
// Random serial bytes starting 0x00 0x4b once made a certificate OpenSSL refuses (Node reports it as
// "no start line"): about 1 development identity in 256, seen as rare setup failures in the suite.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { selfSignedCertificate } from '../../src/sign/self-signed-certificate.ts';
import { rsaDigestSigner } from '../../src/sign/signing-identity.ts';
import { forcedRandomBytes } from '../helpers/forced-random-bytes.ts';

vi.mock('node:crypto', async (original) => (await import('../helpers/forced-random-bytes.ts')).cryptoWithForcedBytes(original));

describe('self-signed certificate serial', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });

  it.each([
    ['a leading zero byte', '004b1525bfb51cfccf09b502afb4dbf4'],
    ['two leading zero bytes', '0000ff25bfb51cfccf09b502afb4dbf4'],
    ['the sign bit set', 'ff4b1525bfb51cfccf09b502afb4dbf4'],
  ])('gives a certificate OpenSSL reads when the random bytes start with %s', async (_what, hex) => {
    forcedRandomBytes.next = Buffer.from(hex, 'hex');
    const der = await selfSignedCertificate(spki, { commonName: 'serial test' }, rsaDigestSigner(privateKey));
    expect(forcedRandomBytes.next).toBeUndefined(); // the forced bytes were the serial's
    const serial = new X509Certificate(der).serialNumber;
    expect(serial).toMatch(/^[0-9A-F]{32}$/); // 16 bytes, the first one non-zero
    expect(Number.parseInt(serial.slice(0, 2), 16)).toBeLessThan(0x80); // positive without a padding byte
  });
});
