// A worker's unit of work: one shard, collected by the same collectors, client factory and settings
// as a single-process run uses for that account and region, its calls paced from the rates the run
// handed over (learned-rates.ts); what the paces learned goes back to the run with the records.
import type { Collector } from '../../collect/collector.ts';
import { selectCollectors } from '../../collect/collector-registry.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { learnedRates, pacesFrom, type LearnedRate } from '../../collect/learned-rates.ts';
import type { PreparedSource } from '../../collect/source.ts';
import { collectWith } from '../collect-evidence.ts';
import { shardCollectors } from './shard.ts';
import type { ShardJob } from './shard-queue.ts';

export async function collectShard(job: ShardJob, collectors: Collector[], source: PreparedSource, now: () => Date = () => new Date()): Promise<{ records: EvidenceRecord[]; rates: LearnedRate[] }> {
  const selected = shardCollectors(selectCollectors(collectors, job.keys).selected, job.shard);
  const paces = pacesFrom(job.rates ?? []);
  // The run keeps the source's preflight records (e.g. accounts it could not enter); a shard adds none.
  const records = await collectWith({ source, ...job.settings, paces }, selected, []);
  return { records, rates: learnedRates(paces, now()) };
}
