// Evidence for the evaluation and rendering stages at a given number of findings. One synthetic
// account of the base size is collected once with the real collectors (cached as NDJSON); larger
// inputs are that account repeated under other account ids, the way an Organization has many similar
// accounts. Scaling by accounts keeps preparation fast, so the benchmark times the stages, not setup.
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { recordId, sealRecord, unsealRecord, type EvidenceRecord } from '../../src/collect/evidence-record.ts';
import type { Scope } from '../../src/collect/target.ts';
import { SYNTHETIC_ACCOUNT } from '../generate/plan.ts';

export const BASE_SIZE = 1000;

export function baseRecordsFile(dataDir: string, size = BASE_SIZE): string {
  return `${dataDir}/records-${size}.ndjson`;
}

/** Collects the base account once (no latency: only the records matter here). */
export async function ensureBaseRecords(dataDir: string, size = BASE_SIZE): Promise<string> {
  const file = baseRecordsFile(dataDir, size);
  if (await stat(file).then(() => true, () => false)) return file;
  // Imported here: the collectors (and every AWS SDK client) are needed only to build the base file.
  const { collectSynthetic } = await import('../generate/collect-synthetic.ts');
  const { records } = await collectSynthetic(size, { fixedTime: true });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

export async function readRecords(file: string): Promise<EvidenceRecord[]> {
  const out: EvidenceRecord[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) out.push(JSON.parse(line) as EvidenceRecord);
  return out;
}

export function accountId(n: number): string {
  return n === 0 ? SYNTHETIC_ACCOUNT : String(100_000_000_000 + n).padStart(12, '0');
}

/** The base account's records as account n's (ids, ARNs and digests rewritten; n = 0 is the base itself). */
export function accountRecords(base: readonly EvidenceRecord[], n: number): EvidenceRecord[] {
  if (n === 0) return [...base];
  const account = accountId(n);
  return base.map((r) => {
    const body = JSON.parse(JSON.stringify(unsealRecord(r)).replaceAll(SYNTHETIC_ACCOUNT, account));
    body.id = recordId(body);
    return sealRecord(body);
  });
}

/** The base account's records repeated for `accounts` accounts (ids, ARNs and digests rewritten). */
export function replicate(base: readonly EvidenceRecord[], accounts: number, regions: string[]): { records: EvidenceRecord[]; scope: Scope } {
  const records: EvidenceRecord[] = [];
  for (let n = 0; n < accounts; n++) records.push(...accountRecords(base, n));
  return { records, scope: { accounts: Array.from({ length: accounts }, (_, n) => accountId(n)), regions } };
}
