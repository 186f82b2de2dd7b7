// Error evidence for keys a collector should have produced but could not (the collector threw, or the
// shard that ran it failed on every attempt): never a silent gap, so the controls reading them are unknown.
import type { Collector } from './collector.ts';
import { recordId, sealRecord, type EvidenceError, type EvidenceRecord } from './evidence-record.ts';
import type { Target } from './target.ts';

export function collectorFailureRecords(collector: Collector, target: Target, error: EvidenceError, input: Record<string, unknown>, at: Date): EvidenceRecord[] {
  return collector.produces.map((key) => {
    const [service, operation] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const body = { key, service, operation, account: target.account, region: target.region, input };
    return sealRecord({ id: recordId(body), ...body, collectedAt: at.toISOString(), outcome: 'error', error });
  });
}
