// A run's results as the history keeps them: the JSON text gzipped, its SHA-256 (named in the run's
// chain entry, checked when read back here) and the summary. From results held in memory, or from the
// package's results.json, streamed: a scheduled run hands its findings and evidence to the package and
// does not keep them (nor a second copy as one string) to record the run.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import type { RunResults } from '../results/run-results.ts';
import { sha256Hex } from '../util/sha256.ts';
import { stableStringify } from '../util/stable-json.ts';

export interface StoredResults {
  sha256: string;
  gzip: Buffer;
  summary: RunResults['summary'];
}

/** results.json of a package being published, and the summary it holds (the run has it in memory). */
export interface ResultsFile {
  path: string;
  summary: RunResults['summary'];
}

export function storedResults(results: RunResults): StoredResults {
  const json = stableStringify(results);
  return { sha256: sha256Hex(json), gzip: gzipSync(json), summary: results.summary };
}

/** The file's bytes as they are: read once, hashed and gzipped on the way. */
export async function storedResultsFile(file: ResultsFile): Promise<StoredResults> {
  const hash = createHash('sha256');
  const gzipped: Buffer[] = [];
  await pipeline(
    createReadStream(file.path, { highWaterMark: 1 << 20 }),
    async function* digest(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createGzip(),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) gzipped.push(chunk);
    },
  );
  return { sha256: hash.digest('hex'), gzip: Buffer.concat(gzipped), summary: file.summary };
}

/** Stored results read back: the gzipped text checked against the digest its chain entry names. */
export function readStoredResults(runId: string, gzip: Buffer, sha256: string): RunResults {
  const json = gunzipSync(gzip).toString('utf8');
  if (sha256Hex(json) !== sha256) throw new Error(`stored results of run ${runId} do not match their recorded digest`);
  return JSON.parse(json) as RunResults;
}
