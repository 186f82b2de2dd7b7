// A worker's unit of work: one shard, collected by the same collectors, client factory and settings
// as a single-process run uses for that account and region.
import type { Collector } from '../../collect/collector.ts';
import { selectCollectors } from '../../collect/collector-registry.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { PreparedSource } from '../../collect/source.ts';
import { collectWith } from '../collect-evidence.ts';
import { shardCollectors } from './shard.ts';
import type { ShardJob } from './shard-queue.ts';

export async function collectShard(job: ShardJob, collectors: Collector[], source: PreparedSource): Promise<EvidenceRecord[]> {
  const selected = shardCollectors(selectCollectors(collectors, job.keys).selected, job.shard);
  // The run keeps the source's preflight records (e.g. accounts it could not enter); a shard adds none.
  return collectWith({ source, ...job.settings }, selected, []);
}
