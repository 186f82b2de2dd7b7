// Where pdfkit's output goes. pdfkit is a Readable stream, but the report is generated in one
// synchronous run, so a piped destination receives nothing until the whole document exists: every byte
// waited in the stream's buffer (+284 MB at 100,000 findings). The document's writer is replaced so each
// byte leaves as it is produced: written to the file in 1 MB blocks, or (measuring pass) only counted.
//
// One of the two modules that rely on pdfkit internals (its writer `_write` and byte count `_offset`;
// pdfkit has no public way to take its output synchronously; the other is pdf-glyph-cache.ts). pdfkit is pinned exactly in package.json, and
// test/package/pdfkit-internals.test.ts fails if an upgrade changes what this relies on.
import { closeSync, openSync, writeSync } from 'node:fs';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const BLOCK = 1 << 20;

interface Writer {
  _offset: number;
  _write(data: Buffer | string): void;
  read(): Buffer | null;
}

/** What pdfkit wrote before its writer was replaced (the file header, written by the constructor). */
function alreadyWritten(doc: Doc): Buffer {
  return (doc as unknown as Writer).read() ?? Buffer.alloc(0);
}

/** The measuring pass: bytes are counted (pdfkit's object offsets depend on them) and dropped. */
export function discardOutput(doc: Doc): void {
  alreadyWritten(doc);
  const w = doc as unknown as Writer;
  w._write = function write(this: Writer, data: Buffer | string): void {
    // As pdfkit does: strings are written as latin1 ("binary") with a newline, one byte per character.
    this._offset += Buffer.isBuffer(data) ? data.length : `${data}`.length + 1;
  };
}

/** The final pass: bytes go to `path` as they are produced. Call the returned `close` after doc.end(). */
export function writeOutputTo(doc: Doc, path: string): { close(): void } {
  const head = alreadyWritten(doc);
  const fd = openSync(path, 'w');
  let pending: Buffer[] = [head];
  let size = head.length;
  const flush = () => {
    if (size) writeSync(fd, pending.length === 1 ? pending[0] : Buffer.concat(pending, size));
    pending = [];
    size = 0;
  };
  const w = doc as unknown as Writer;
  w._write = function write(this: Writer, data: Buffer | string): void {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(`${data}\n`, 'binary');
    this._offset += buf.length;
    pending.push(buf);
    size += buf.length;
    if (size >= BLOCK) flush();
  };
  let closed = false;
  return {
    close() {
      if (closed) return;
      closed = true;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}
