// The shared evidence store: where workers put each shard's evidence records and the run reads them
// back. One object per run x shard, written whole (a folder: temporary file then rename; S3: one PUT),
// so a shard completed twice leaves one copy, and a shard that was never completed has no object.
// Records are checked against their SHA-256 when read: altered evidence is refused, not used.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { serializeRecord, unsealRecord, type EvidenceRecord } from '../../collect/evidence-record.ts';
import { checkAccountId, checkRegionName } from '../../util/aws-ids.ts';
import { confinedPath } from '../../util/confined-path.ts';
import type { Shard } from './shard.ts';
import { InputError, type InputProblem } from '../../util/input-error.ts';

export interface EvidenceStore {
  /** Where it is, as given in the config (a folder path or s3://bucket/prefix). */
  readonly location: string;
  put(runId: string, shard: Shard, records: readonly EvidenceRecord[]): Promise<void>;
  /** The shard's records, or undefined when no worker completed it. */
  get(runId: string, shard: Shard): Promise<EvidenceRecord[] | undefined>;
  /** Deletes what workers stored for the run (only objects under the run's own id). */
  removeRun(runId: string): Promise<void>;
}

export class EvidenceStoreError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'EvidenceStoreError';
  }
}

/** Stored evidence that no longer matches its digest: refused, never used. */
export class EvidenceIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceIntegrityError';
  }
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Relative object name of a shard; ids are checked so that nothing from a job can leave the store. */
function shardObject(runId: string, shard: Shard): string {
  if (!RUN_ID.test(runId)) throw new EvidenceStoreError({ file: 'run id', message: `"${runId}" is not a UUID` });
  return `${runId}/${checkAccountId(shard.account, 'shard account')}/${checkRegionName(shard.region, 'shard region', true)}.ndjson`;
}

function encode(records: readonly EvidenceRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function decode(text: string, where: string): EvidenceRecord[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      const record = JSON.parse(line) as EvidenceRecord;
      const digest = createHash('sha256').update(serializeRecord(unsealRecord(record))).digest('hex');
      if (digest !== record.sha256) throw new EvidenceIntegrityError(`${where} line ${i + 1}: record ${record.id} does not match its sha256`);
      return record;
    });
}

export function folderEvidenceStore(dir: string): EvidenceStore {
  const root = resolve(dir);
  return {
    location: root,
    async put(runId, shard, records) {
      const file = confinedPath(root, shardObject(runId, shard));
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, encode(records));
      await rename(temp, file);
    },
    async get(runId, shard) {
      const file = confinedPath(root, shardObject(runId, shard));
      const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      return text === undefined ? undefined : decode(text, file);
    },
    async removeRun(runId) {
      if (!RUN_ID.test(runId)) throw new EvidenceStoreError({ file: 'run id', message: `"${runId}" is not a UUID` });
      await rm(confinedPath(root, runId), { recursive: true, force: true });
    },
  };
}

export function s3EvidenceStore(location: string, client: S3Client = new S3Client({})): EvidenceStore {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(location);
  if (!m) throw new EvidenceStoreError({ file: 'evidenceStore', message: `"${location}" is not s3://bucket/prefix` });
  const bucket = m[1]!;
  const prefix = (m[2] ?? '').replace(/\/+$/, '');
  const key = (name: string) => (prefix ? `${prefix}/${name}` : name);
  return {
    location,
    async put(runId, shard, records) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(shardObject(runId, shard)), Body: encode(records), ContentType: 'application/x-ndjson' }));
    },
    async get(runId, shard) {
      const k = key(shardObject(runId, shard));
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
        return decode(await out.Body!.transformToString(), `s3://${bucket}/${k}`);
      } catch (err) {
        if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw err;
      }
    },
    async removeRun(runId) {
      if (!RUN_ID.test(runId)) throw new EvidenceStoreError({ file: 'run id', message: `"${runId}" is not a UUID` });
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key(`${runId}/`), ContinuationToken: token }));
        const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (objects.length) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
        token = page.NextContinuationToken;
      } while (token);
    },
  };
}

/** A folder path, or s3://bucket/prefix. */
export function openEvidenceStore(location: string): EvidenceStore {
  return location.startsWith('s3://') ? s3EvidenceStore(location) : folderEvidenceStore(location);
}
