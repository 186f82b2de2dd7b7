// Reads a snapshot folder and answers SDK calls from it (the "recorded" source). A call the snapshot
// does not hold, or a record whose bytes no longer match its digest, is answered with an error, so
// the evaluators report unknown instead of guessing.
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { recordId, type EvidenceRecordBody } from '../evidence-record.ts';
import type { Answer, Call, Responder } from '../evidence-middleware.ts';
import { confinedExistingPath, PathEscapeError } from '../../util/confined-path.ts';
import { sha256Hex } from '../../util/sha256.ts';
import { SNAPSHOT_INDEX, snapshotIndexSchema, type SnapshotEntry, type SnapshotIndex } from './snapshot-format.ts';
import { InputError, type InputProblem } from '../../util/input-error.ts';
import { readValidated } from '../../util/read-validated.ts';

export class SnapshotError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'SnapshotError';
  }
}

export async function readSnapshotIndex(dir: string): Promise<SnapshotIndex> {
  return readValidated(join(dir, SNAPSHOT_INDEX), snapshotIndexSchema, { format: 'json', what: 'snapshot index', toError: (m) => new SnapshotError(m) });
}

export async function snapshotResponder(dir: string, index: SnapshotIndex): Promise<Responder> {
  const byId = new Map<string, SnapshotEntry>(index.records.map((r) => [r.id, r]));
  // The folder's real path once, not once a record (half the realpath calls of a replay).
  let realRoot: Promise<string> | undefined;
  const root = () => (realRoot ??= realpath(resolve(dir)));
  return async (call: Call): Promise<Answer> => {
    const id = recordId(call);
    const entry = byId.get(id);
    if (!entry) {
      return { outcome: 'error', error: { name: 'NotInSnapshot', message: `the snapshot holds no answer for ${call.service}.${call.operation} in ${call.account}/${call.region} with this input` } };
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(await confinedExistingPath(dir, entry.file, root));
    } catch (err) {
      if (!(err instanceof PathEscapeError)) throw err;
      return { outcome: 'error', error: { name: 'SnapshotPathEscape', message: `${entry.file}: ${err.message}; not read` } };
    }
    if (sha256Hex(bytes) !== entry.sha256) {
      return { outcome: 'error', error: { name: 'SnapshotDigestMismatch', message: `${entry.file}: SHA-256 does not match snapshot.json; the record was altered` } };
    }
    const body = JSON.parse(bytes.toString('utf8')) as EvidenceRecordBody;
    return { outcome: body.outcome, response: body.response, error: body.error, requestId: body.requestId, collectedAt: body.collectedAt };
  };
}
