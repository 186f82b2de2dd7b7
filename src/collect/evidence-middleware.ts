// The responder: SDK middleware that answers calls from a recorded snapshot or a simulated account
// instead of the network. It sits at the deserialize step, inside retry and signing, so simulated
// throttling is retried by the SDK exactly as real throttling is. The collectors, paginators and
// clients are the same objects whichever source answers. (Recording is done around each client's
// `send`: see evidence-recorder.ts.)
import { rebuildError } from './aws-error.ts';
import type { EvidenceError, EvidenceOutcome } from './evidence-record.ts';
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

/** Provenance of a replayed answer, carried to the recorder on the output or error object. */
export interface ReplayedAnswer {
  collectedAt?: string;
  requestId?: string;
}

// A symbol, non-enumerable: invisible to the collectors and to the stored response.
const REPLAYED = Symbol('proofline.replayedAnswer');

export function replayedAnswerOf(value: unknown): ReplayedAnswer | undefined {
  return value !== null && typeof value === 'object' ? ((value as Record<symbol, ReplayedAnswer | undefined>)[REPLAYED] ?? undefined) : undefined;
}

function markReplayed<T extends object>(value: T, answer: Answer): T {
  Object.defineProperty(value, REPLAYED, { value: { collectedAt: answer.collectedAt, requestId: answer.requestId }, enumerable: false });
  return value;
}

type AnyNext = (args: { input: any; request?: unknown }) => Promise<{ output: any; response: unknown }>;

function plainInput(input: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input ?? {})) as Record<string, unknown>;
}

export function responderMiddleware(opts: { service: string; target: Target; responder: Responder }) {
  return (_next: AnyNext, context: { commandName?: string }) => async (args: { input: any }) => {
    const answer = await opts.responder({
      service: opts.service,
      operation: (context.commandName ?? 'UnknownCommand').replace(/Command$/, ''),
      account: opts.target.account,
      region: opts.target.region,
      input: plainInput(args.input),
    });
    if (answer.outcome === 'ok') {
      const output = markReplayed({ ...(answer.response as object), $metadata: { httpStatusCode: 200, requestId: answer.requestId } }, answer);
      return { output, response: { statusCode: 200, headers: {} } };
    }
    throw markReplayed(rebuildError(answer.error ?? { name: 'UnknownError', message: 'no error recorded' }, answer.requestId), answer);
  };
}
