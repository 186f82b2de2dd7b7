// Config for scheduled runs, history, retention, exceptions, manual evidence and delivery.
// Kept here (not in config-schema.ts) so the scheduler owns its fields; config-schema.ts spreads them in.
import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { regionSchema } from '../util/aws-ids.ts';

const isoDate = z.iso.date('must be a date such as 2026-01-31');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** node-cron's own validator, so what passes here is exactly what the scheduler accepts. */
export function cronProblem(expression: string): string | undefined {
  const r = validateDetailed(expression);
  if (r.valid) return undefined;
  return `"${expression}" is not a valid cron expression (${r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'unparseable'})`;
}

export const scheduleSchema = z
  .object({
    /** Cron expression (5 fields, or 6 with seconds first), e.g. "0 2 * * *" for 02:00 every day. */
    cron: z.string().trim().superRefine((v, ctx) => {
      const problem = cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** IANA time zone the cron expression is read in. */
    timezone: z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    /** Run once immediately when the scheduler starts, then on schedule. */
    runOnStart: z.boolean().default(false),
  })
  .strict();

export const retentionSchema = z
  .object({
    /** Keep at most this many packages (newest first). */
    keepRuns: z.number().int().positive().optional(),
    /** Keep packages of runs started within this many days. */
    keepDays: z.number().int().positive().optional(),
  })
  .strict();

export const observationWindowSchema = z
  .object({ name: nonEmpty, from: isoDate, to: isoDate })
  .strict()
  .refine((w) => w.from <= w.to, { message: '"from" must not be after "to"', path: ['to'] });

export const deliverySchema = z
  .object({
    s3: z.object({ bucket: nonEmpty, prefix: z.string().default(''), kmsKeyId: nonEmpty.optional(), region: z.string().optional() }).strict().optional(),
    webhook: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict().optional(),
    sns: z.object({ topicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:.+$/, 'must be an SNS topic ARN') }).strict().optional(),
    /**
     * Import failing and unknown findings into AWS Security Hub (BatchImportFindings, the account's default
     * product), each into the Region of its resource; findings about global resources go to homeRegion
     * (default: the run's first Region). Needs securityhub:BatchImportFindings (policies/proofline-securityhub-import.json).
     */
    securityHub: z.object({ homeRegion: regionSchema.optional() }).strict().optional(),
  })
  .strict();

/** Extra files a run writes into the package's exports/ folder. */
export const EXPORT_FORMATS = ['asff', 'ocsf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Fields added to the top level of proofline.config.yaml. */
export const operationsConfigFields = {
  schedule: scheduleSchema.optional(),
  /** Where the run history (history.sqlite) and scheduled packages live. */
  dataDir: z.string().trim().min(1).default('.proofline'),
  retention: retentionSchema.optional(),
  observationWindows: z.array(observationWindowSchema).default([]),
  exceptionsFile: nonEmpty.optional(),
  manualEvidenceDir: nonEmpty.optional(),
  /**
   * The team's remediation tracker (an .xlsx such as a package's control-gaps.xlsx, kept and edited
   * outside the packages): each run carries its Owner, Due date, Ticket, Status and Comments over by
   * finding id (PBC rows by request id). Without it, a scheduled run carries them from the previous
   * run's control-gaps.xlsx.
   */
  trackerFile: nonEmpty.optional(),
  delivery: deliverySchema.optional(),
  /** asff: AWS Security Hub findings (exports/asff-findings.json); ocsf: OCSF Compliance Finding events (exports/ocsf-compliance-findings.jsonl). */
  exports: z.array(z.enum(EXPORT_FORMATS)).default([]),
};

export type ScheduleConfig = z.infer<typeof scheduleSchema>;
export type RetentionConfig = z.infer<typeof retentionSchema>;
export type ObservationWindow = z.infer<typeof observationWindowSchema>;
export type DeliveryConfig = z.infer<typeof deliverySchema>;
