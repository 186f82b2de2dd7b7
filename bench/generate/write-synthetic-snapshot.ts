// Records a synthetic account as a snapshot folder (the format `proofline run --source` replays):
//   tsx bench/generate/write-synthetic-snapshot.ts <size> <out-dir>
import { writeSnapshot } from '../../src/collect/snapshot/write-snapshot.ts';
import { collectSynthetic } from './collect-synthetic.ts';
import { SYNTHETIC_RECORDED_AT, totalResources } from './plan.ts';

export async function writeSyntheticSnapshot(size: number, outDir: string): Promise<{ records: number; resources: number; genericKeys: string[] }> {
  // A recording must not depend on timing: no latency, no throttling, fixed record times.
  const { account, records } = await collectSynthetic(size, { fixedTime: true, requestIdFor: undefined });
  await writeSnapshot(outDir, records, account.scope, { createdAt: SYNTHETIC_RECORDED_AT.toISOString(), description: `synthetic account of ${size} resources (bench/generate)` });
  return { records: records.length, resources: totalResources(account.plan), genericKeys: account.genericKeys() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sizeArg, out] = process.argv.slice(2);
  const size = Number(sizeArg);
  if (!Number.isInteger(size) || size < 1 || !out) {
    process.stderr.write('usage: tsx bench/generate/write-synthetic-snapshot.ts <size> <out-dir>\n');
    process.exit(2);
  }
  const r = await writeSyntheticSnapshot(size, out);
  process.stdout.write(`Wrote ${r.records} evidence records for ${r.resources} resources to ${out}\nAnswered as empty (not modelled): ${r.genericKeys.join(', ') || '(none)'}\n`);
}
