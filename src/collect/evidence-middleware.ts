// SDK middleware that turns every call a collector makes into an evidence record. With a responder
// (a recorded snapshot or a simulated account) the call is answered without leaving the process; the
// collectors, paginators and clients are the same objects either way.
import type { InitializeHandler, InitializeHandlerArguments, InitializeHandlerOutput, MetadataBearer } from '@smithy/types';
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

export interface EvidenceMiddlewareOptions {
  service: string;
  /** Target as recorded (region may be "global"). */
  target: Target;
  sink: EvidenceSink;
  responder?: Responder;
  filter?: ResponseFilter;
  now: () => Date;
}

function plainInput(input: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input ?? {})) as Record<string, unknown>;
}

export function evidenceMiddleware(opts: EvidenceMiddlewareOptions) {
  return <Output extends MetadataBearer>(next: InitializeHandler<any, Output>, context: { commandName?: string }) =>
    async (args: InitializeHandlerArguments<any>): Promise<InitializeHandlerOutput<Output>> => {
      const operation = (context.commandName ?? 'UnknownCommand').replace(/Command$/, '');
      const input = plainInput(args.input);
      const key = evidenceKey(opts.service, operation);
      const base = { key, service: opts.service, operation, account: opts.target.account, region: opts.target.region, input };
      const id = recordId(base);
      const store = (answer: Answer): void => {
        const body: EvidenceRecordBody = {
          id,
          ...base,
          collectedAt: answer.collectedAt ?? opts.now().toISOString(),
          outcome: answer.outcome,
        };
        if (answer.requestId) body.requestId = answer.requestId;
        if (answer.outcome === 'ok') body.response = opts.filter ? opts.filter(key, answer.response) : answer.response;
        else body.error = answer.error;
        opts.sink.add(sealRecord(body));
      };

      if (opts.responder) {
        const answer = await opts.responder({ service: opts.service, operation, account: opts.target.account, region: opts.target.region, input });
        store(answer);
        if (answer.outcome === 'ok') {
          const output = { ...(answer.response as object), $metadata: { httpStatusCode: 200, requestId: answer.requestId } };
          return { output: output as unknown as Output, response: {} };
        }
        throw rebuildError(answer.error ?? { name: 'UnknownError', message: 'no error recorded' }, answer.requestId);
      }

      try {
        const result = await next(args);
        store({ outcome: 'ok', response: toPlainResponse(result.output), requestId: result.output.$metadata?.requestId });
        return result;
      } catch (err) {
        const { error, requestId } = describeError(err);
        store({ outcome: isNotConfigured(key, error.name) ? 'not_configured' : 'error', error, requestId });
        throw err;
      }
    };
}
