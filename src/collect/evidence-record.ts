// The unit of proof: one AWS API call (one page of a paginated call), kept whether it succeeded or not.
import { createHash } from 'node:crypto';
import { stableStringify } from '../util/stable-json.ts';

/** `<service>.<Operation>` as the SDK names them: package suffix and command name without "Command". */
export type EvidenceKey = string;

/** "ok": AWS answered. "not_configured": AWS answered that the thing is not set up (a fail, not an unknown). "error": we do not know. */
export type EvidenceOutcome = 'ok' | 'not_configured' | 'error';

export interface EvidenceError {
  name: string;
  code?: string;
  httpStatus?: number;
  message: string;
}

export interface EvidenceRecordBody {
  id: string;
  key: EvidenceKey;
  service: string;
  operation: string;
  account: string;
  region: string;
  input: Record<string, unknown>;
  collectedAt: string;
  requestId?: string;
  outcome: EvidenceOutcome;
  response?: unknown;
  error?: EvidenceError;
}

export interface EvidenceRecord extends EvidenceRecordBody {
  /** SHA-256 (hex) of the record's stored bytes (see serializeRecord). */
  sha256: string;
}

export function evidenceKey(service: string, operation: string): EvidenceKey {
  return `${service}.${operation}`;
}

/** Identity of a call: same key, scope and input means the same evidence. Pages differ by their token. */
export function recordId(body: Pick<EvidenceRecordBody, 'account' | 'region' | 'service' | 'operation' | 'input'>): string {
  const inputHash = createHash('sha256').update(stableStringify(body.input)).digest('hex').slice(0, 16);
  return `${body.account}/${body.region}/${body.service}/${body.operation}/${inputHash}`;
}

/** The exact bytes stored for a record; its sha256 is over these bytes. */
export function serializeRecord(body: EvidenceRecordBody): string {
  return stableStringify(body, 2) + '\n';
}

export function sealRecord(body: EvidenceRecordBody): EvidenceRecord {
  const sha256 = createHash('sha256').update(serializeRecord(body)).digest('hex');
  return { ...body, sha256 };
}

export function unsealRecord(record: EvidenceRecord): EvidenceRecordBody {
  const { sha256: _ignored, ...body } = record;
  return body;
}

/** SDK outputs carry Dates, Uint8Arrays and $metadata; evidence keeps the JSON form so live and replay read alike. */
export function toPlainResponse(output: unknown): unknown {
  if (output === null || typeof output !== 'object') return output;
  const { $metadata: _meta, ...rest } = output as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
}
