// proofline.config.yaml: what an organization sets once. Every field has a safe default.
import { z } from 'zod';
import { DEFAULT_FRAMEWORKS, FRAMEWORK_IDS } from '../catalog/catalog-schema.ts';
import { regionSchema } from '../util/aws-ids.ts';
import { isPostgresUrl } from '../util/postgres-url.ts';
import { boundedText, TEXT_LIMITS } from '../util/text-limits.ts';
import { operationsConfigFields } from './operations-config.ts';

const region = regionSchema;

const path = z.string().trim().min(1);

// At most one key source. Secrets (passwords) come from environment variables, never from the file.
export const signingSchema = z
  .object({
    /** PKCS#12 (.p12/.pfx) file; its password is read from the environment variable named here. */
    pkcs12: z.object({ file: path, passwordEnv: z.string().trim().min(1).default('PROOFLINE_SIGNING_P12_PASSWORD') }).strict().optional(),
    /** PEM private key and certificate files. */
    pem: z.object({ key: path, certificate: path }).strict().optional(),
    /** AWS KMS asymmetric RSA key (kms:Sign); the private key never leaves KMS. Without a certificate, a self-signed one is made with the key. */
    kms: z.object({ keyId: z.string().trim().min(1), region: region.optional(), certificate: path.optional() }).strict().optional(),
    /** RFC 3161 time-stamping authority: every signature (manifest.sig, report.pdf) gets a token over it. */
    timestamp: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict().optional(),
  })
  .strict()
  .refine((s) => [s.pkcs12, s.pem, s.kms].filter(Boolean).length <= 1, 'give at most one of pkcs12, pem, kms');

/** A PostgreSQL URL; its password belongs in PGPASSWORD or the URL's environment variable, never in the file. */
const postgresUrl = (envVariable: string) => z
  .string()
  .trim()
  .refine(isPostgresUrl, 'must be a postgres:// or postgresql:// URL')
  .refine((v) => {
    try {
      return new URL(v).password === '';
    } catch {
      return false;
    }
  }, `must not contain a password (set PGPASSWORD, or pass the URL in ${envVariable})`);

/** Collection by `proofline worker` processes through a PostgreSQL job queue (docs/scale.md). */
export const queueSchema = z
  .object({
    /** The queue database (PROOFLINE_QUEUE_URL and --queue override it). */
    url: postgresUrl('PROOFLINE_QUEUE_URL').optional(),
    /** Where workers store each shard's evidence for the run: a folder on a shared filesystem, or s3://bucket/prefix. Default <dataDir>/shards. */
    evidenceStore: z.string().trim().min(1).optional(),
    /** Seconds a worker may hold a shard before it is handed to another worker (it is presumed dead). */
    shardTimeoutSeconds: z.number().int().min(1).default(900),
    /** Attempts after the first before a shard's evidence becomes error records (its controls unknown). */
    retryLimit: z.number().int().min(0).default(2),
  })
  .strict();

/** Where the run history is kept (docs/scale.md): absent, in <dataDir>/history.sqlite (SQLite, no server). */
export const historySchema = z
  .object({
    /** A PostgreSQL database shared by schedulers on several hosts (PROOFLINE_HISTORY_URL overrides it). */
    url: postgresUrl('PROOFLINE_HISTORY_URL').optional(),
  })
  .strict();

const fingerprint = z
  .string()
  .transform((s) => s.trim().replace(/^sha-?256[:=]/i, '').replace(/[:\s]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 certificate fingerprint (64 hex digits, colons allowed)'));

/** Whom `proofline verify` accepts as the signer: pinned certificates, or CAs the signer must chain to. */
export const trustSchema = z
  .object({
    /** SHA-256 fingerprints of signer certificates (or of the time-stamping authority's). */
    fingerprints: z.array(fingerprint).default([]),
    /** PEM files of trusted CA certificates (bundles allowed): the signer's chain must end at one. */
    caFiles: z.array(path).default([]),
  })
  .strict();

export const configSchema = z
  .object({
    organization: boundedText(TEXT_LIMITS.name).default('Unnamed organization'),
    /** Seconds one AWS call may take in total, every retry and back-off included; then it is recorded as an error. */
    callDeadlineSeconds: z.number().int().min(5).max(3600).default(120),
    frameworks: z.array(z.enum(FRAMEWORK_IDS)).min(1).default([...DEFAULT_FRAMEWORKS]),
    /** Regions to collect from; empty means the account's enabled regions (live) or the snapshot's scope. */
    regions: z.array(region).default([]),
    /** Regions where data may reside (data residency). Empty means every region in scope is allowed. */
    allowedRegions: z.array(region).default([]),
    accessKeyMaxAgeDays: z.number().int().positive().default(90),
    /**
     * Who may invoke Amazon Bedrock models, and where (bedrock-invocations-from-expected-principals-and-regions).
     * Principals are IAM role or user ARNs, `*` matching any characters (e.g. arn:aws:iam::111122223333:role/app-*).
     * Unset: that control is unknown ("not configured") rather than judging every invocation expected.
     */
    bedrockExpectedInvocations: z
      .object({
        principals: z.array(z.string().regex(/^arn:aws[\w-]*:(iam|sts)::(\d{12}|\*):[\w+=,.@/*-]+$/, 'must be an IAM role or user ARN (arn:aws:iam::<account>:role/<name>), * allowed')).min(1),
        regions: z.array(region).min(1),
      })
      .strict()
      .optional(),
    logRetentionMinDays: z.number().int().positive().default(365),
    /** Who signs the package (report.pdf, manifest.sig). None: a self-signed development identity. */
    signing: signingSchema.optional(),
    /** Hand collection to `proofline worker` processes through a PostgreSQL queue. */
    queue: queueSchema.optional(),
    /** The run history in PostgreSQL instead of <dataDir>/history.sqlite. */
    history: historySchema.optional(),
    /**
     * How live AWS calls are retried. Unset fields follow the SDK's own settings (AWS_MAX_ATTEMPTS,
     * AWS_RETRY_MODE, the profile's max_attempts / retry_mode), else adaptive with 8 attempts.
     */
    awsRetry: z
      .object({ maxAttempts: z.number().int().min(1).max(25).optional(), mode: z.enum(['standard', 'adaptive']).optional() })
      .strict()
      .optional(),
    /** How the reports are printed: `pageSize` A4 (default) or Letter, for report.pdf and the period report. */
    report: z
      .object({ pageSize: z.enum(['A4', 'Letter']).default('A4') })
      .strict()
      .optional(),
    /** Trust anchors for `proofline verify`. */
    trust: trustSchema.optional(),
    /** schedule, dataDir, retention, observationWindows, exceptionsFile, manualEvidenceDir, delivery. */
    ...operationsConfigFields,
  })
  .strict();

export type ProoflineConfig = z.infer<typeof configSchema>;
