// Turns every call a collector makes into an evidence record, by wrapping each client instance's
// `send`. A wrapper (not a middleware) because aws-sdk-client-mock replaces Client.prototype.send,
// which bypasses the middleware stack: the wrapper looks the prototype's send up at call time, so a
// stub installed after the client was built is still recorded. It sees each call's final outcome,
// after the SDK's retries.
import type { MetadataBearer } from '@smithy/types';
import { describeError } from './aws-error.ts';
import type { EvidenceRecordBody } from './evidence-record.ts';
import { evidenceKey, recordId, sealRecord, toPlainResponse } from './evidence-record.ts';
import type { EvidenceSink } from './evidence-sink.ts';
import { replayedAnswerOf, type Answer, type ResponseFilter } from './evidence-middleware.ts';
import { isNotConfigured } from './not-configured.ts';
import type { Target } from './target.ts';

/** What the factory reports about each finished call (progress displays, summaries). */
export interface CallEvent {
  service: string;
  operation: string;
  account: string;
  region: string;
  outcome: Answer['outcome'];
  errorName?: string;
  ms: number;
}

export interface RecorderOptions {
  service: string;
  /** Target as recorded (region may be "global"). */
  target: Target;
  sink: EvidenceSink;
  filter?: ResponseFilter;
  now: () => Date;
  /** Bounds how many calls of this client run at once (AWS throttles per account, region and API); told the operation. */
  limit?: <T>(fn: () => Promise<T>, operation: string) => Promise<T>;
  onCall?: (event: CallEvent) => void;
  /**
   * Milliseconds one call may take in total, retries and back-off included, once it has started; then it
   * is abandoned (aborted) and recorded as a CallDeadlineExceeded error. Absent: the SDK's own limits.
   */
  deadlineMs?: number;
}

export const CALL_DEADLINE_ERROR = 'CallDeadlineExceeded';

interface CommandLike {
  input?: unknown;
  constructor: { name: string };
}

type Send = (command: CommandLike, ...rest: unknown[]) => Promise<unknown>;

function plainInput(input: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input ?? {})) as Record<string, unknown>;
}

/** Replaces `client.send` with a recording one; the client's prototype (or a stub on it) does the work. */
export function installRecorder(client: object, opts: RecorderOptions): void {
  const limit = opts.limit ?? ((fn) => fn());
  const recordingSend = async function (this: unknown, command: CommandLike, ...rest: unknown[]): Promise<unknown> {
    // Callback style (send(cmd, cb) / send(cmd, options, cb)): keep the options, answer the callback from the promise.
    const callback = typeof rest[rest.length - 1] === 'function' ? (rest.pop() as (err: unknown, data?: unknown) => void) : undefined;
    const promise = recordCall(client, command, rest, opts, limit);
    if (!callback) return promise;
    promise.then((data) => callback(null, data), (err) => callback(err));
    return undefined;
  };
  Object.defineProperty(client, 'send', { value: recordingSend, writable: true, configurable: true, enumerable: false });
}

async function recordCall(client: object, command: CommandLike, rest: unknown[], opts: RecorderOptions, limit: NonNullable<RecorderOptions['limit']>): Promise<unknown> {
  const operation = command.constructor.name.replace(/Command$/, '');
  const input = plainInput(command.input);
  const key = evidenceKey(opts.service, operation);
  const base = { key, service: opts.service, operation, account: opts.target.account, region: opts.target.region, input };
  const started = Date.now();
  const store = (answer: Answer, replayed: { collectedAt?: string; requestId?: string } | undefined): void => {
    const body: EvidenceRecordBody = {
      id: recordId(base),
      ...base,
      collectedAt: replayed?.collectedAt ?? opts.now().toISOString(),
      outcome: answer.outcome,
    };
    const requestId = replayed?.requestId ?? answer.requestId;
    if (requestId) body.requestId = requestId;
    if (answer.outcome === 'ok') body.response = opts.filter ? opts.filter(key, answer.response) : answer.response;
    else body.error = answer.error;
    opts.sink.add(sealRecord(body));
    opts.onCall?.({ service: opts.service, operation, account: opts.target.account, region: opts.target.region, outcome: answer.outcome, errorName: answer.error?.name, ms: Date.now() - started });
  };
  // Looked up per call: a stub placed on the prototype later (aws-sdk-client-mock) must be the one used.
  const protoSend = (Object.getPrototypeOf(client) as { send: Send }).send;
  let timedOut = false;
  const send = opts.deadlineMs === undefined ? () => protoSend.call(client, command, ...rest) : () => withDeadline(opts.deadlineMs!, (signal) => protoSend.call(client, command, { ...((rest[0] as object | undefined) ?? {}), abortSignal: signal }), () => (timedOut = true));
  try {
    const output = await limit(send, operation);
    const meta = (output as MetadataBearer | undefined)?.$metadata;
    store({ outcome: 'ok', response: toPlainResponse(output), requestId: meta?.requestId }, replayedAnswerOf(output));
    return output;
  } catch (err) {
    const described = describeError(err);
    const { requestId } = described;
    const error = timedOut ? { name: CALL_DEADLINE_ERROR, message: `no final answer within ${opts.deadlineMs! / 1000} s (all attempts and back-off included); abandoned` } : described.error;
    store({ outcome: isNotConfigured(key, error.name) ? 'not_configured' : 'error', error, requestId }, replayedAnswerOf(err));
    throw err;
  }
}

/** Runs `call` with an abort signal that fires after `ms`; rejects at the deadline even if the call ignores the signal. */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>, onTimeout: () => void): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      const err = new Error(`call deadline of ${ms} ms passed`);
      err.name = CALL_DEADLINE_ERROR;
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
