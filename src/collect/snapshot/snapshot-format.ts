// The recorded-snapshot format: a folder with snapshot.json (index) and records/<record id>.json,
// one file per API call or page. The live run's `record` writes it; `run --source` replays it.
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'proofline-snapshot';
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_INDEX = 'snapshot.json';
export const RECORDS_DIR = 'records';

export const snapshotEntrySchema = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[a-z0-9-]+\.[A-Za-z0-9]+$/, 'must be <service>.<Operation>'),
  account: z.string().min(1),
  region: z.string().min(1),
  outcome: z.enum(['ok', 'not_configured', 'error']),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const snapshotIndexSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  createdAt: z.string(),
  description: z.string().optional(),
  scope: z.object({
    accounts: z.array(z.string().min(1)).min(1),
    regions: z.array(z.string().min(1)).min(1),
  }),
  records: z.array(snapshotEntrySchema),
});

export type SnapshotIndex = z.infer<typeof snapshotIndexSchema>;
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

export function recordFile(id: string): string {
  return `${RECORDS_DIR}/${id}.json`;
}
