// A collector gathers the evidence for one area of one service at one target (account x region).
// It just calls the SDK: the evidence middleware records every call, success or failure.
import type { KnownEvidenceKey } from './evidence-shapes.ts';
import type { ServiceClient, ServiceId } from './services.ts';
import type { Target } from './target.ts';

export interface CollectorContext {
  target: Target;
  /** The service's client for this target (async: the SDK package is loaded on first use). */
  client<S extends ServiceId>(service: S): Promise<ServiceClient<S>>;
  /**
   * Runs a call whose evidence is recorded by the middleware either way; a failure only means that
   * what depends on it cannot be collected, so it returns undefined instead of throwing.
   */
  attempt<T>(fn: () => Promise<T>): Promise<T | undefined>;
  /** Per-resource follow-up calls, with the run's concurrency bound. */
  forEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void>;
}

export interface Collector {
  /** Unique name, e.g. "sagemaker.notebooks". */
  name: string;
  service: ServiceId;
  /** "global": once per account (IAM, Organizations, S3 bucket settings); "regional": once per region. */
  scope: 'regional' | 'global';
  /** The evidence keys this collector writes; a run selects collectors by the keys its controls need. */
  produces: KnownEvidenceKey[];
  collect(ctx: CollectorContext): Promise<void>;
}

/** Drains an SDK paginator, returning the pages that arrived before any failure. */
export async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  try {
    for await (const page of pages) out.push(page);
  } catch {
    // The failing page is already an error record; evaluators see it and return unknown.
  }
  return out;
}

/**
 * Pages of a list call the SDK ships no paginator for (API Gateway v2, WAFv2): `call` gets the
 * previous page's token; stops at the first failure, as allPages does.
 */
export async function tokenPages<T>(call: (token: string | undefined) => Promise<T>, nextToken: (page: T) => string | undefined): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await call(token);
      out.push(page);
      const next = nextToken(page);
      token = next === token ? undefined : next; // a service repeating its token would loop forever
    } while (token);
  } catch {
    // The failing page is already an error record.
  }
  return out;
}
