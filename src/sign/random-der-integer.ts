// Random positive INTEGERs for ASN.1 (a certificate serial, a time-stamp request's nonce). DER wants
// them minimal: no leading 0x00 unless the next byte has its top bit set, and no top bit set on the
// first byte (negative). Random bytes with only the top bit cleared break the first rule once in 256
// ("00 4b ..."), and OpenSSL then refuses the certificate ("no start line") or the time-stamp request
// ("Bad request format"). A first byte in 0x40-0x7f is neither padding nor a sign bit.
import { randomBytes } from 'node:crypto';

/** `size` random bytes that encode a minimal, positive DER INTEGER (8 * size - 2 random bits). */
export function randomDerInteger(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes[0] = 0x40 | (bytes[0] & 0x3f);
  return bytes;
}
