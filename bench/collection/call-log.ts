// Every call a collection made, as the simulated AWS saw it: which operation, where, with what input,
// and whether it was answered or throttled. Used to count calls and to find calls that were avoidable.
import type { Call } from '../../src/collect/evidence-middleware.ts';
import { stableStringify } from '../../src/util/stable-json.ts';

export interface LoggedCall {
  key: string;
  account: string;
  region: string;
  input: string;
  throttled: boolean;
  /** When the attempt reached AWS (performance.now(), ms); absent in logs gathered from other processes. */
  at?: number;
}

export class CallLog {
  readonly calls: LoggedCall[] = [];

  record(call: Call, throttled: boolean): void {
    this.calls.push({ key: `${call.service}.${call.operation}`, account: call.account, region: call.region, input: stableStringify(call.input), throttled, at: performance.now() });
  }

  /** Calls AWS answered (a throttled attempt is the SDK's retry, not a call the collector chose to make). */
  answered(): LoggedCall[] {
    return this.calls.filter((c) => !c.throttled);
  }

  /** Answered calls made again with the same key, target and input (pages differ by their token, so are not repeats). */
  duplicates(): { key: string; count: number }[] {
    const seen = new Set<string>();
    const repeats = new Map<string, number>();
    for (const c of this.answered()) {
      const id = `${c.account}|${c.region}|${c.key}|${c.input}`;
      if (seen.has(id)) repeats.set(c.key, (repeats.get(c.key) ?? 0) + 1);
      else seen.add(id);
    }
    return [...repeats].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
  }
}
