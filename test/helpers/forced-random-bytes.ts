// Forces the bytes of the next randomBytes call, for tests of what random bytes become (a certificate
// serial, a time-stamp nonce). In the test file:
//   vi.mock('node:crypto', async (original) => (await import('../helpers/forced-random-bytes.ts')).cryptoWithForcedBytes(original));
// then set `forcedRandomBytes.next` before the call; it is consumed by that call.
import type * as Crypto from 'node:crypto';

export const forcedRandomBytes: { next: Buffer | undefined } = { next: undefined };

export async function cryptoWithForcedBytes(importOriginal: () => Promise<typeof Crypto>): Promise<typeof Crypto> {
  const original = await importOriginal();
  const randomBytes = ((size: number) => {
    const forced = forcedRandomBytes.next;
    forcedRandomBytes.next = undefined;
    return forced ?? original.randomBytes(size);
  }) as typeof original.randomBytes;
  return { ...original, randomBytes, default: { ...original, randomBytes } } as typeof Crypto;
}
