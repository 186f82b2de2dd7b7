import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Files up to this size are read in one call: far cheaper than a stream for the many small evidence files. */
const WHOLE_READ_LIMIT = 1 << 20;

/** A file's SHA-256 (hex) and size in bytes. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  return (await sha256FileAndSize(path)).sha256;
}

/** The file's SHA-256 and its size in bytes (the size from the same open, no second stat). */
export async function sha256FileAndSize(path: string): Promise<FileDigest> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size <= WHOLE_READ_LIMIT) {
      const data = await handle.readFile();
      return { sha256: sha256Hex(data), bytes: data.length };
    }
  } finally {
    await handle.close();
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
