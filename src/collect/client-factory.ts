// Builds SDK clients for a target with the evidence recorder (and, when replaying, the responder)
// attached. Collectors ask this factory for clients and never construct one themselves, so a run
// against live AWS, a recorded snapshot or a simulated account differs only in the factory's options.
import pLimit from 'p-limit';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { EvidenceSink } from './evidence-sink.ts';
import { responderMiddleware, type Responder, type ResponseFilter } from './evidence-middleware.ts';
import { installRecorder, type CallEvent } from './evidence-recorder.ts';
import { redactSecrets } from './redact.ts';
import { SERVICE_CLIENTS, type ServiceClient, type ServiceId } from './services.ts';
import { GLOBAL_REGION, type Target } from './target.ts';

export type { CallEvent } from './evidence-recorder.ts';

/** Calls in flight at once per service, account and region unless configured (AWS throttles per API and account). */
export const DEFAULT_CALL_CONCURRENCY = 5;

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
  now?: () => Date;
  /** Calls in flight at once per service x account x region. */
  callConcurrency?: number;
  /** Told about every finished call (progress, summaries). */
  onCall?: (event: CallEvent) => void;
}

export class ClientFactory {
  private readonly cache = new Map<string, unknown>();
  private readonly filter: ResponseFilter;

  constructor(private readonly opts: ClientFactoryOptions) {
    const extra = opts.filter;
    this.filter = extra ? (key, response) => extra(key, redactSecrets(key, response)) : redactSecrets;
  }

  client<S extends ServiceId>(service: S, target: Target): ServiceClient<S> {
    const cacheKey = `${service}|${target.account}|${target.region}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached as ServiceClient<S>;

    const region = target.region === GLOBAL_REGION ? (this.opts.globalEndpointRegion ?? 'us-east-1') : target.region;
    const Ctor = SERVICE_CLIENTS[service] as unknown as new (config: Record<string, unknown>) => ServiceClient<S>;
    const config: Record<string, unknown> = { region, ...(this.opts.clientConfig?.(service, region) ?? {}) };
    const credentials = this.opts.credentialsFor?.(target.account);
    if (credentials) config.credentials = credentials;
    if (this.opts.responder && !config.credentials) {
      // Answered calls never reach AWS; inert credentials keep the SDK from looking for real ones.
      config.credentials = { accessKeyId: 'PROOFLINE', secretAccessKey: 'PROOFLINE' };
    }
    const client = new Ctor(config);
    installRecorder(client, {
      service,
      target,
      sink: this.opts.sink,
      filter: this.filter,
      now: this.opts.now ?? (() => new Date()),
      limit: pLimit(this.opts.callConcurrency ?? DEFAULT_CALL_CONCURRENCY),
      onCall: this.opts.onCall,
    });
    if (this.opts.responder) {
      const stack = (client as unknown as { middlewareStack: { add: (mw: unknown, o: unknown) => void } }).middlewareStack;
      stack.add(responderMiddleware({ service, target, responder: this.opts.responder }), { step: 'deserialize', priority: 'high', name: 'prooflineResponder' });
    }
    this.cache.set(cacheKey, client);
    return client;
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy?: () => void }).destroy?.();
    this.cache.clear();
  }
}
