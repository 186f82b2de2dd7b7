// A zip writer on Node's zlib: deflate-raw and the native CRC-32 (zlib.crc32, Node 20.15+ and 22.2+).
// Measured (docs/performance.md) against yazl, whose cost is per entry (a read stream, a DeflateRaw
// stream and a JavaScript CRC transform for each file): a package's many small evidence files are read
// whole and compressed in one call each; files above SMALL_FILE are streamed with a data descriptor.
// Zip64 records are written when the archive needs them (more than 65,534 entries, or offsets and sizes
// beyond 4 GiB), as yazl does, so `proofline verify` (yauzl) and common unzip tools read it.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** Files up to this size are read and compressed in one piece. */
export const SMALL_FILE = 1 << 20;
/** Room beyond its input for a small file's deflated bytes (block headers); if they need more, zlib adds a chunk. */
const DEFLATE_SLACK = 64;
const FLUSH_AT = 1 << 20;
const STREAM_READ = 1 << 20;
const STREAM_DEFLATE_CHUNK = 1 << 16;

/**
 * A small file deflated in one call, into an output buffer sized to it: zlib's default is 16 KB per call,
 * and one per evidence record (about 1 KB each) made 16 KB of external memory to collect per record,
 * which piled up to about 70 MB while the evidence folder was written. Same bytes as the default.
 */
export function deflateWhole(data: Buffer): Buffer {
  return zlib.deflateRawSync(data, { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, data.length + DEFLATE_SLACK) });
}
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const STORE = 0;
const DEFLATE = 8;
// Unix regular file, rw-rw-r--, "made by" Unix (3) version 4.5: as yazl writes it.
const EXTERNAL_ATTRIBUTES = (0o100664 << 16) >>> 0;
const MADE_BY = (3 << 8) | 45;

interface CentralEntry {
  // Kept as a string and encoded when written: a small Buffer is a slice of a shared 8 KiB pool, and tens
  // of thousands of them kept to the end would keep as many pools (with the file bytes beside them) alive.
  name: string;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, Math.min(2107, d.getFullYear()));
  return {
    dosDate: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Zip64 extended information (header 0x0001) for the central directory: sizes and offset, all 8 bytes. */
function zip64Extra(e: CentralEntry): Buffer {
  const b = Buffer.alloc(28);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(24, 2);
  b.writeBigUInt64LE(BigInt(e.size), 4);
  b.writeBigUInt64LE(BigInt(e.compressedSize), 12);
  b.writeBigUInt64LE(BigInt(e.offset), 20);
  return b;
}

function needsZip64(e: CentralEntry): boolean {
  return e.size >= MAX32 || e.compressedSize >= MAX32 || e.offset >= MAX32;
}

export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;

  /**
   * namePrefix goes before every entry's name in the archive (a package's root folder, `<package>/`):
   * entries keep only their own name, which the caller holds anyway, instead of 48k longer strings.
   */
  constructor(
    private readonly out: FileHandle,
    private readonly namePrefix = '',
  ) {}

  private push(buf: Buffer): void {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.offset += buf.length;
  }

  private async flush(force = false): Promise<void> {
    if (!this.pendingBytes || (!force && this.pendingBytes < FLUSH_AT)) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.out.write(data);
  }

  private localHeader(e: CentralEntry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(e.flags & FLAG_DATA_DESCRIPTOR ? 45 : 20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.dosTime, 10);
    h.writeUInt16LE(e.dosDate, 12);
    // With a data descriptor the CRC and sizes follow the data (and are in the central directory).
    if (!(e.flags & FLAG_DATA_DESCRIPTOR)) {
      h.writeUInt32LE(e.crc, 14);
      h.writeUInt32LE(e.compressedSize, 18);
      h.writeUInt32LE(e.size, 22);
    }
    const name = Buffer.from(this.namePrefix + e.name, 'utf8');
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /** Adds an entry whose bytes are in memory (a small file read whole). */
  async addBuffer(name: string, data: Buffer, mtime: Date): Promise<void> {
    const deflated = deflateWhole(data);
    const stored = deflated.length >= data.length;
    const e: CentralEntry = { name, flags: FLAG_UTF8, method: stored ? STORE : DEFLATE, ...dosDateTime(mtime), crc: zlib.crc32(data), compressedSize: stored ? data.length : deflated.length, size: data.length, offset: this.offset };
    if (e.size >= MAX32) throw new Error(`zip: ${name} is too large to add from memory`);
    this.entries.push(e);
    this.push(this.localHeader(e));
    this.push(stored ? data : deflated);
    await this.flush();
  }

  /**
   * Adds a file streamed from disk (large files): deflated as it is read, sizes and CRC after the data.
   * `onRead` sees each chunk as read (a digest taken on the way, so the file is read once).
   */
  async addFileStream(name: string, path: string, mtime: Date, onRead?: (chunk: Buffer) => void): Promise<void> {
    const e: CentralEntry = { name, flags: FLAG_UTF8 | FLAG_DATA_DESCRIPTOR, method: DEFLATE, ...dosDateTime(mtime), crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    this.entries.push(e);
    this.push(this.localHeader(e));
    await this.flush(true);
    await pipeline(
      // 1 MiB reads and 64 KiB deflate chunks: a 100 MB results.json in fewer trips through JavaScript.
      createReadStream(path, { highWaterMark: STREAM_READ }),
      async function* crc(this: void, source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          onRead?.(chunk);
          e.crc = zlib.crc32(chunk, e.crc);
          e.size += chunk.length;
          yield chunk;
        }
      },
      zlib.createDeflateRaw({ chunkSize: STREAM_DEFLATE_CHUNK }),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          e.compressedSize += chunk.length;
          this.push(chunk);
          await this.flush();
        }
      },
    );
    // Data descriptor, with 8-byte sizes when the entry needs Zip64.
    const zip64 = e.size >= MAX32 || e.compressedSize >= MAX32;
    const d = Buffer.alloc(zip64 ? 24 : 16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    if (zip64) {
      d.writeBigUInt64LE(BigInt(e.compressedSize), 8);
      d.writeBigUInt64LE(BigInt(e.size), 16);
    } else {
      d.writeUInt32LE(e.compressedSize, 8);
      d.writeUInt32LE(e.size, 12);
    }
    this.push(d);
    await this.flush();
  }

  /** Writes the central directory and its end records. The caller closes the file. */
  async finish(): Promise<void> {
    const cdOffset = this.offset;
    for (const e of this.entries) {
      const zip64 = needsZip64(e);
      const extra = zip64 ? zip64Extra(e) : Buffer.alloc(0);
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(MADE_BY, 4);
      h.writeUInt16LE(zip64 || e.flags & FLAG_DATA_DESCRIPTOR ? 45 : 20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(e.dosTime, 12);
      h.writeUInt16LE(e.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(zip64 ? MAX32 : e.compressedSize, 20);
      h.writeUInt32LE(zip64 ? MAX32 : e.size, 24);
      const name = Buffer.from(this.namePrefix + e.name, 'utf8');
      h.writeUInt16LE(name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
      h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
      this.push(Buffer.concat([h, name, extra]));
      await this.flush();
    }
    const cdSize = this.offset - cdOffset;
    const count = this.entries.length;
    if (count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32) {
      const eocd64Offset = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(0x06064b50, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE(MADE_BY, 12);
      r.writeUInt16LE(45, 14);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(cdSize), 40);
      r.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(eocd64Offset), 8);
      locator.writeUInt32LE(1, 16);
      this.push(r);
      this.push(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
    end.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
    this.push(end);
    await this.flush(true);
  }
}
