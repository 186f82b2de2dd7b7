// Rows of a JSON array read back from the file that holds them, parsed one at a time as they are
// iterated: the package's renderers read a run's findings and evidence entries from results.json this
// way instead of holding them, so memory does not grow with the run.
import { closeSync, openSync, readSync } from 'node:fs';

/** What a renderer needs of a long list: its length and its items in order. Arrays are Rows too. */
export interface Rows<T> {
  readonly length: number;
  [Symbol.iterator](): Iterator<T>;
}

/** Where each row's JSON text is in a file: its first byte and its length in bytes. */
export class RowPositions {
  readonly starts: number[] = [];
  readonly lengths: number[] = [];

  add(start: number, length: number): void {
    this.starts.push(start);
    this.lengths.push(length);
  }
}

/** One read covers the rows that follow in the file up to this many bytes (sequential reads are chunked). */
const READ_AHEAD = 256 * 1024;
/** A following row this close to what is being read is read with it (cheaper than another read). */
const NEAR = 4 * 1024;

// Read buffers are reused: a renderer iterates thousands of short lists (each control's rows), and a
// new buffer per iteration would pile up as external memory until V8 next collects it. Iterations that
// run at once (one inside another, or across awaits) each hold their own.
const idle: Buffer[] = [];

export class FileRows<T> implements Rows<T> {
  constructor(
    readonly path: string,
    private readonly starts: readonly number[],
    private readonly lengths: readonly number[],
  ) {}

  static of<T>(path: string, positions: RowPositions): FileRows<T> {
    return new FileRows<T>(path, positions.starts, positions.lengths);
  }

  get length(): number {
    return this.starts.length;
  }

  /** The same rows in a file that holds the same bytes at another path (the file was moved). */
  inFile(path: string): FileRows<T> {
    return new FileRows<T>(path, this.starts, this.lengths);
  }

  /** The rows at these indices, in this order (nothing is read until they are iterated). */
  pick(indices: readonly number[]): FileRows<T> {
    return new FileRows<T>(
      this.path,
      indices.map((i) => this.starts[i]),
      indices.map((i) => this.lengths[i]),
    );
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const text of this.texts()) yield JSON.parse(text) as T;
  }

  /** Each row's text as it is in the file, unparsed (to copy it into another file). */
  *texts(): Generator<string> {
    const { starts, lengths, path } = this;
    if (!starts.length) return;
    const fd = openSync(path, 'r');
    let buf = idle.pop() ?? Buffer.allocUnsafe(READ_AHEAD);
    try {
      let bufStart = 0;
      let bufEnd = 0;
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i];
        const end = start + lengths[i];
        if (start < bufStart || end > bufEnd) {
          // Read this row and the rows after it that follow closely (within READ_AHEAD bytes in all):
          // rows in file order cost one read per chunk, picked rows scattered through the file one small
          // read each, without reading the rows between them.
          let readEnd = end;
          for (let j = i + 1; j < starts.length && starts[j] >= start && starts[j] <= readEnd + NEAR && starts[j] + lengths[j] - start <= READ_AHEAD; j++) readEnd = Math.max(readEnd, starts[j] + lengths[j]);
          // A row longer than READ_AHEAD gets a buffer of its own for this iteration.
          if (readEnd - start > buf.length) buf = Buffer.allocUnsafe(readEnd - start);
          const got = readSync(fd, buf, 0, readEnd - start, start);
          if (got < end - start) throw new Error(`${path}: row ${i} (bytes ${start}-${end}) is past the end of the file: it changed after it was written`);
          bufStart = start;
          bufEnd = start + got;
        }
        yield buf.toString('utf8', start - bufStart, end - bufStart);
      }
    } finally {
      closeSync(fd);
      if (buf.length === READ_AHEAD) idle.push(buf);
    }
  }
}

/** The rows at these indices, in this order: picked lazily from a file, or from memory. */
export function pickRows<T>(rows: Rows<T>, indices: readonly number[]): Rows<T> {
  if (rows instanceof FileRows) return rows.pick(indices);
  const all = Array.isArray(rows) ? (rows as readonly T[]) : [...rows];
  return indices.map((i) => all[i]);
}
