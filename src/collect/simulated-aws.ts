// A simulated AWS: answers SDK calls from handlers written against the SDK's own output types.
// The sample account, the tests and the benchmark use it; the collectors cannot tell it from AWS.
import { createHash } from 'node:crypto';
import { stableStringify } from '../util/stable-json.ts';
import type { Answer, Call, Responder } from './evidence-middleware.ts';
import type { EvidenceKey } from './evidence-record.ts';
import type { Target } from './target.ts';

export class SimulatedError {
  constructor(
    readonly name: string,
    readonly httpStatus: number,
    readonly message: string,
  ) {}
}

export function simError(name: string, httpStatus: number, message: string): SimulatedError {
  return new SimulatedError(name, httpStatus, message);
}

type Output<T> = Omit<T, '$metadata'>;
export type Handler<T = any> = (input: any, target: Target) => Output<T> | SimulatedError;

export interface SimulatedAwsOptions {
  /** Called before each answer: add latency or throttling here (benchmarks). */
  beforeAnswer?: (call: Call) => Promise<SimulatedError | void>;
  requestIdFor?: (call: Call, n: number) => string;
}

export class SimulatedAws {
  private readonly handlers = new Map<EvidenceKey, Handler>();
  private calls = 0;
  readonly unhandled = new Set<string>();

  constructor(private readonly options: SimulatedAwsOptions = {}) {}

  /** Register the answer for `<service>.<Operation>`; the type parameter is the SDK's CommandOutput type. */
  on<T>(key: EvidenceKey, handler: Handler<T>): this {
    this.handlers.set(key, handler);
    return this;
  }

  get callCount(): number {
    return this.calls;
  }

  responder(): Responder {
    return async (call: Call): Promise<Answer> => {
      const n = ++this.calls;
      const requestId = this.options.requestIdFor?.(call, n) ?? simulatedRequestId(call);
      const throttled = await this.options.beforeAnswer?.(call);
      if (throttled) return { outcome: 'error', error: { name: throttled.name, httpStatus: throttled.httpStatus, message: throttled.message }, requestId };
      const key = `${call.service}.${call.operation}`;
      const handler = this.handlers.get(key);
      if (!handler) {
        this.unhandled.add(key);
        return { outcome: 'error', error: { name: 'SimulatorHasNoHandler', message: `no simulated answer for ${key}` }, requestId };
      }
      const out = handler(call.input, { account: call.account, region: call.region });
      if (out instanceof SimulatedError) {
        return { outcome: 'error', error: { name: out.name, httpStatus: out.httpStatus, message: out.message }, requestId };
      }
      return { outcome: 'ok', response: JSON.parse(JSON.stringify(out)), requestId };
    };
  }
}

/** Deterministic, UUID-shaped request ids (a digest of the call) so that samples rebuild byte-identically. */
function simulatedRequestId(call: Call): string {
  const hex = createHash('sha256').update(`${call.account}|${call.region}|${call.service}|${call.operation}|${stableStringify(call.input)}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Serves a list in pages the way AWS does: a token in the input selects the page, a token in the output asks for the next. */
export function paged<T>(items: readonly T[], input: Record<string, unknown>, pageSize: number, tokenField = 'NextToken'): { page: T[]; next?: string } {
  const start = Number(input[tokenField] ?? 0) || 0;
  const page = items.slice(start, start + pageSize);
  const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
  return { page, ...(next ? { next } : {}) };
}
