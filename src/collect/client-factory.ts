// Builds SDK clients for a target with the evidence recorder (and, when replaying, the responder)
// attached. Collectors ask this factory for clients and never construct one themselves, so a run
// against live AWS, a recorded snapshot or a simulated account differs only in the factory's options.
import pLimit from 'p-limit';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { EvidenceSink } from './evidence-sink.ts';
import { responderMiddleware, type Responder, type ResponseFilter } from './evidence-middleware.ts';
import { installRecorder, type CallEvent } from './evidence-recorder.ts';
import { pacingMiddleware, type OperationPace } from './operation-pacing.ts';
import { withPerOperationRateLimit } from './operation-rate-limiter.ts';
import { secretRedaction } from './redact.ts';
import { installationRedactionKey } from './redaction-key.ts';
import { serviceClientClass, type ServiceClient, type ServiceClientClass, type ServiceId } from './services.ts';
import { GLOBAL_REGION, type Target } from './target.ts';

export type { CallEvent } from './evidence-recorder.ts';

/**
 * Calls in flight at once per service x account x region unless configured. AWS throttles per
 * account, region and operation; this lets a service's operations reach their rates at ordinary
 * latencies (25 calls/s at 40-200 ms is 1-5 in flight per operation); each operation backs off on
 * its own when AWS throttles it (operation-pacing.ts, operation-rate-limiter.ts).
 */
export const DEFAULT_CALL_CONCURRENCY = 16;
/**
 * Per-service defaults that differ: S3 bucket settings are per-bucket reads (AWS scales S3 request
 * rates per bucket prefix, in the thousands per second), so one account's many buckets can be read
 * with more calls in flight than a control-plane API tolerates.
 */
export const SERVICE_CALL_CONCURRENCY: Partial<Record<ServiceId, number>> = { s3: 64 };
/** Calls in flight at once in the whole run (sockets, memory), whatever the number of accounts. */
export const DEFAULT_MAX_CALLS_IN_FLIGHT = 128;

/** In-flight bound for one service x account x region: the configured value, else the service's default. */
export function callConcurrencyFor(service: ServiceId, configured?: number): number {
  return configured ?? SERVICE_CALL_CONCURRENCY[service] ?? DEFAULT_CALL_CONCURRENCY;
}

/**
 * Calls a responder answers never reach AWS, and their inert credentials sign nothing anyone checks:
 * computing SigV4 (canonical request, payload hash, HMAC chain) for them is wasted CPU. The SDK's own
 * `signer` client option replaces only the signature computation: the auth-scheme selection, identity
 * resolution, signing middleware, retry and the responder below them run exactly as for a live call.
 */
const UNSIGNED: { sign: <R>(request: R) => Promise<R>; presign: <R>(request: R) => Promise<R> } = {
  sign: async (request) => request,
  presign: async (request) => request,
};

export interface ClientFactoryOptions {
  sink: EvidenceSink;
  /** Answers calls instead of AWS (snapshot replay, simulated accounts). Absent for live runs. */
  responder?: Responder;
  /** Credentials for an account (e.g. an assumed role); absent means the default chain. */
  credentialsFor?: (account: string) => AwsCredentialIdentityProvider | undefined;
  /** Extra client configuration (retry mode, endpoints, timeouts) per service. */
  clientConfig?: (service: ServiceId, region: string) => Record<string, unknown>;
  /** Region used for global services' endpoints. */
  globalEndpointRegion?: string;
  /** Applied after secret redaction, which always runs. */
  filter?: ResponseFilter;
  /** Total time one live call may take, retries included (LiveClientSettings.callDeadlineMs). */
  callDeadlineMs?: number;
  /** Key of the redaction HMAC; default: the installation's key under PROOFLINE_HOME. */
  redactionKey?: Uint8Array;
  now?: () => Date;
  /** Calls in flight at once per service x account x region (every service); default: callConcurrencyFor. */
  callConcurrency?: number;
  /** Calls in flight at once across every client of this factory (default DEFAULT_MAX_CALLS_IN_FLIGHT). */
  maxCallsInFlight?: number;
  /** Told about every finished call (progress, summaries). */
  onCall?: (event: CallEvent) => void;
  /**
   * Pace per account x region x operation (paceKey): given, it starts from the rates earlier runs
   * learned and holds what this run learns when the run ends (learned-rates.ts); default: a new map.
   */
  paces?: Map<string, OperationPace>;
}

export class ClientFactory {
  private readonly cache = new Map<string, unknown>();
  private readonly filter: ResponseFilter;
  private readonly inFlight: ReturnType<typeof pLimit>;
  /** Learned rate per account x region x operation (operation-pacing.ts). */
  private readonly paces: Map<string, OperationPace>;

  constructor(private readonly opts: ClientFactoryOptions) {
    this.paces = opts.paces ?? new Map();
    this.inFlight = pLimit(opts.maxCallsInFlight ?? DEFAULT_MAX_CALLS_IN_FLIGHT);
    const extra = opts.filter;
    const redactSecrets = secretRedaction(opts.redactionKey ?? installationRedactionKey());
    this.filter = extra ? (key, response) => extra(key, redactSecrets(key, response)) : redactSecrets;
  }

  /** The service's client for the target (its SDK package loaded on the service's first use), one per service x account x region. */
  async client<S extends ServiceId>(service: S, target: Target): Promise<ServiceClient<S>> {
    const Ctor = await serviceClientClass(service);
    // From here on nothing awaits: concurrent callers for one target get the one client.
    return this.clientOf(Ctor, service, target);
  }

  private clientOf<S extends ServiceId>(Ctor: ServiceClientClass<S>, service: S, target: Target): ServiceClient<S> {
    const cacheKey = `${service}|${target.account}|${target.region}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached as ServiceClient<S>;

    const region = target.region === GLOBAL_REGION ? (this.opts.globalEndpointRegion ?? 'us-east-1') : target.region;
    const config: Record<string, unknown> = { region, ...(this.opts.clientConfig?.(service, region) ?? {}) };
    const credentials = this.opts.credentialsFor?.(target.account);
    if (credentials) config.credentials = credentials;
    if (this.opts.responder) {
      // Answered calls never reach AWS; inert credentials keep the SDK from looking for real ones.
      if (!config.credentials) config.credentials = { accessKeyId: 'PROOFLINE', secretAccessKey: 'PROOFLINE' };
      if (!config.signer) config.signer = UNSIGNED;
      // The SDK resolves (sorts) the middleware stack once per command class instead of on every call
      // (the stack is complete before the first call: the responder is added below). Not for live
      // clients: a cached handler shares one context object between concurrent calls of a class,
      // and live calls keep per-call state there (endpoint, signing); answered calls only use the
      // command name, the same for every call of the class.
      config.cacheMiddleware ??= true;
    }
    const client = new Ctor(withPerOperationRateLimit(config));
    // A call takes an operation slot (as many as the service's) for its whole life, retries included;
    // each attempt waits for the operation's pace, then takes this client's slot, then the run's, only
    // while it is out (pacingMiddleware): one order everywhere, and calls never nest.
    const concurrency = callConcurrencyFor(service, this.opts.callConcurrency);
    const perClient = pLimit(concurrency);
    const perOperation = new Map<string, ReturnType<typeof pLimit>>();
    const inFlight = this.inFlight;
    const limit = <T>(fn: () => Promise<T>, operation: string): Promise<T> => {
      let op = perOperation.get(operation);
      if (!op) perOperation.set(operation, (op = pLimit(concurrency)));
      return op(fn);
    };
    installRecorder(client, {
      service,
      target,
      sink: this.opts.sink,
      filter: this.filter,
      now: this.opts.now ?? (() => new Date()),
      limit,
      onCall: this.opts.onCall,
      // Answered calls (snapshots, simulations) are instant: the deadline guards calls that reach AWS.
      ...(this.opts.responder ? {} : { deadlineMs: this.opts.callDeadlineMs }),
    });
    const stack = (client as unknown as { middlewareStack: { add: (mw: unknown, o: unknown) => void } }).middlewareStack;
    stack.add(pacingMiddleware({ service, target, paces: this.paces, slots: (fn) => perClient(() => inFlight(fn)) }), { step: 'finalizeRequest', priority: 'low', name: 'prooflineOperationPacing' });
    if (this.opts.responder) {
      stack.add(responderMiddleware({ service, target, responder: this.opts.responder }), { step: 'deserialize', priority: 'high', name: 'prooflineResponder' });
    }
    this.cache.set(cacheKey, client);
    return client;
  }

  /** Destroys and forgets the target's clients: its collectors are done (a later call would make new ones). */
  release(target: Target): void {
    const suffix = `|${target.account}|${target.region}`;
    for (const [key, c] of this.cache) {
      if (!key.endsWith(suffix)) continue;
      (c as { destroy?: () => void }).destroy?.();
      this.cache.delete(key);
    }
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy?: () => void }).destroy?.();
    this.cache.clear();
  }
}
