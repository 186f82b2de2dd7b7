// Turns whatever an SDK call threw into the plain error shape that evidence records keep, and back.
import type { EvidenceError } from './evidence-record.ts';

interface SdkErrorLike {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function describeError(err: unknown): { error: EvidenceError; requestId?: string } {
  const e = (err ?? {}) as SdkErrorLike;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  const code = e.Code ?? e.code;
  const error: EvidenceError = {
    name,
    message: typeof e.message === 'string' ? e.message : String(err),
  };
  if (code && code !== name) error.code = String(code);
  if (e.$metadata?.httpStatusCode) error.httpStatus = e.$metadata.httpStatusCode;
  return { error, requestId: e.$metadata?.requestId };
}

/** Rebuilds an SDK-shaped exception from a recorded error, so collectors replaying a snapshot see what they saw live. */
export function rebuildError(error: EvidenceError, requestId?: string): Error {
  const err = new Error(error.message) as Error & SdkErrorLike;
  err.name = error.name;
  if (error.code) err.Code = error.code;
  err.$fault = error.httpStatus && error.httpStatus >= 500 ? 'server' : 'client';
  err.$metadata = { httpStatusCode: error.httpStatus, requestId };
  return err;
}
