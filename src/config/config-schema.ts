// proofline.config.yaml: what an organization sets once. Every field has a safe default.
import { z } from 'zod';
import { FRAMEWORK_IDS } from '../catalog/catalog-schema.ts';

const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, 'must be an AWS region code such as eu-west-1');

export const configSchema = z
  .object({
    organization: z.string().trim().min(1).default('Unnamed organization'),
    frameworks: z.array(z.enum(FRAMEWORK_IDS)).min(1).default([...FRAMEWORK_IDS]),
    /** Regions to collect from; empty means the account's enabled regions (live) or the snapshot's scope. */
    regions: z.array(region).default([]),
    /** Regions where data may reside (data residency). Empty means every region in scope is allowed. */
    allowedRegions: z.array(region).default([]),
    accessKeyMaxAgeDays: z.number().int().positive().default(90),
    logRetentionMinDays: z.number().int().positive().default(365),
  })
  .strict();

export type ProoflineConfig = z.infer<typeof configSchema>;
