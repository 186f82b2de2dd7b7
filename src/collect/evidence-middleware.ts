// SDK middleware that turns every call a collector makes into an evidence record.
//
// Two pieces, at two depths of the SDK's middleware stack:
// - the recorder, outermost (initialize step): sees each call's final outcome after the SDK's retries;
// - the responder (deserialize step, inside retry and signing): answers from a recorded snapshot or a
//   simulated account instead of the network. Because it sits below the retry middleware, simulated
//   throttling is retried by the SDK exactly as real throttling is.
// The collectors, paginators and clients are the same objects whichever source answers.
import type { MetadataBearer } from '@smithy/types';
import { describeError, rebuildError } from './aws-error.ts';
import type { EvidenceError, EvidenceOutcome, EvidenceRecordBody } from './evidence-record.ts';
import { evidenceKey, recordId, sealRecord, toPlainResponse } from './evidence-record.ts';
import type { EvidenceSink } from './evidence-sink.ts';
import { isNotConfigured } from './not-configured.ts';
import type { Target } from './target.ts';

export interface Call {
  service: string;
  operation: string;
  account: string;
  region: string;
  input: Record<string, unknown>;
}

/** What a responder says instead of AWS. */
export interface Answer {
  outcome: EvidenceOutcome;
  response?: unknown;
  error?: EvidenceError;
  requestId?: string;
  /** Kept from the recording when replaying; otherwise the clock's time. */
  collectedAt?: string;
}

export type Responder = (call: Call) => Promise<Answer>;

/** Hook for removing secrets from responses before anything is stored. */
export type ResponseFilter = (key: string, response: unknown) => unknown;

interface CallContext {
  commandName?: string;
  /** Set by the responder so the recorder keeps a replayed record's original time. */
  prooflineAnswer?: Answer;
}

type AnyNext = (args: { input: any; request?: unknown }) => Promise<{ output: any; response: unknown }>;

export interface RecorderOptions {
  service: string;
  /** Target as recorded (region may be "global"). */
  target: Target;
  sink: EvidenceSink;
  filter?: ResponseFilter;
  now: () => Date;
}

function plainInput(input: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input ?? {})) as Record<string, unknown>;
}

function operationOf(context: CallContext): string {
  return (context.commandName ?? 'UnknownCommand').replace(/Command$/, '');
}

export function recorderMiddleware(opts: RecorderOptions) {
  return (next: AnyNext, context: CallContext) => async (args: { input: any }) => {
    const operation = operationOf(context);
    const input = plainInput(args.input);
    const key = evidenceKey(opts.service, operation);
    const base = { key, service: opts.service, operation, account: opts.target.account, region: opts.target.region, input };
    const store = (answer: Answer): void => {
      const body: EvidenceRecordBody = {
        id: recordId(base),
        ...base,
        collectedAt: context.prooflineAnswer?.collectedAt ?? answer.collectedAt ?? opts.now().toISOString(),
        outcome: answer.outcome,
      };
      const requestId = answer.requestId ?? context.prooflineAnswer?.requestId;
      if (requestId) body.requestId = requestId;
      if (answer.outcome === 'ok') body.response = opts.filter ? opts.filter(key, answer.response) : answer.response;
      else body.error = answer.error;
      opts.sink.add(sealRecord(body));
    };
    try {
      const result = await next(args);
      const output = result.output as MetadataBearer;
      store({ outcome: 'ok', response: toPlainResponse(output), requestId: output.$metadata?.requestId });
      return result;
    } catch (err) {
      const { error, requestId } = describeError(err);
      store({ outcome: isNotConfigured(key, error.name) ? 'not_configured' : 'error', error, requestId });
      throw err;
    }
  };
}

export function responderMiddleware(opts: { service: string; target: Target; responder: Responder }) {
  return (_next: AnyNext, context: CallContext) => async (args: { input: any }) => {
    const answer = await opts.responder({
      service: opts.service,
      operation: operationOf(context),
      account: opts.target.account,
      region: opts.target.region,
      input: plainInput(args.input),
    });
    context.prooflineAnswer = answer;
    if (answer.outcome === 'ok') {
      const output = { ...(answer.response as object), $metadata: { httpStatusCode: 200, requestId: answer.requestId } };
      return { output, response: { statusCode: 200, headers: {} } };
    }
    throw rebuildError(answer.error ?? { name: 'UnknownError', message: 'no error recorded' }, answer.requestId);
  };
}
