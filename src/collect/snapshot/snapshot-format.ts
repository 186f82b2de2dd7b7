// The recorded-snapshot format: a folder with snapshot.json (index) and records/<record id>.json,
// one file per API call or page. The live run's `record` writes it; `run --source` replays it.
import { z } from 'zod';
import { TEXT_LIMITS } from '../../util/text-limits.ts';
import { accountIdSchema, recordRegionSchema, regionSchema } from '../../util/aws-ids.ts';

export const SNAPSHOT_FORMAT = 'proofline-snapshot';
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_INDEX = 'snapshot.json';
export const RECORDS_DIR = 'records';

/** A record file: '/'-separated, relative, under records/, no "." or ".." segments (it may not leave the snapshot). */
const recordFileSchema = z
  .string()
  .max(512)
  .refine((f) => f.startsWith(`${RECORDS_DIR}/`) && f.endsWith('.json') && f.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && !/[\\\0:]/.test(seg)), 'must be a relative path under records/ (no "..", no absolute path)');

export const snapshotEntrySchema = z
  .object({
    id: z.string().min(1),
    key: z.string().regex(/^[a-z0-9-]+\.[A-Za-z0-9]+$/, 'must be <service>.<Operation>'),
    account: accountIdSchema,
    region: recordRegionSchema,
    outcome: z.enum(['ok', 'not_configured', 'error']),
    file: recordFileSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((e) => e.id.startsWith(`${e.account}/${e.region}/`), { message: 'must start with the record\'s <account>/<region>/', path: ['id'] });

export const snapshotIndexSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  createdAt: z.string(),
  description: z.string().max(TEXT_LIMITS.paragraph).optional(),
  scope: z.object({
    accounts: z.array(accountIdSchema).min(1),
    regions: z.array(regionSchema).min(1),
  }),
  records: z.array(snapshotEntrySchema),
});

export type SnapshotIndex = z.infer<typeof snapshotIndexSchema>;
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

export function recordFile(id: string): string {
  return `${RECORDS_DIR}/${id}.json`;
}
