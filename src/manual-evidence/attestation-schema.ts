// The sidecar that attests a manual evidence file: <file>.attestation.yaml next to it.
import { z } from 'zod';
import { FRAMEWORK_IDS } from '../catalog/catalog-schema.ts';
import { boundedText, TEXT_LIMITS } from '../util/text-limits.ts';

export const ATTESTATION_SUFFIX = '.attestation.yaml';

const nonEmpty = boundedText(TEXT_LIMITS.name);
// YAML reads an unquoted 2026-03-01 as a Date; accept both and keep the ISO day.
const isoDay = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date('must be a date such as 2027-03-01'));

export const attestationSchema = z
  .object({
    title: boundedText(TEXT_LIMITS.line),
    /** Who attests that the file is genuine and current (name, role). */
    attestedBy: nonEmpty,
    attestedOn: isoDay,
    /** After this day the evidence is expired and its requirements are not met until renewed. */
    renewBy: isoDay,
    /** The requirements this evidence is supplied for (their manual or hybrid part). */
    requirements: z.array(z.object({ framework: z.enum(FRAMEWORK_IDS), requirement: nonEmpty }).strict()).default([]),
    /** The manual controls this evidence is supplied for (catalog control ids). */
    controls: z.array(nonEmpty).default([]),
    /** The provider documents this file is (e.g. "AWS SOC 2 Type II report"), as inherited requirements name them. */
    providerEvidence: z.array(nonEmpty).default([]),
  })
  .strict()
  .refine((a) => a.attestedOn <= a.renewBy, { message: 'must not be before attestedOn', path: ['renewBy'] })
  .refine((a) => a.requirements.length + a.controls.length + a.providerEvidence.length > 0, {
    message: 'must name at least one of requirements, controls or providerEvidence',
    path: ['requirements'],
  });

export type Attestation = z.infer<typeof attestationSchema>;
