// The shapes of the catalog files under controls/, validated at load.
import { z } from 'zod';

export const FRAMEWORK_IDS = ['gdpr', 'hipaa', 'soc2', 'euaiact', 'iso42001'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];
/** Reported on when the config names no frameworks; the AI frameworks are chosen explicitly. */
export const DEFAULT_FRAMEWORKS: readonly FrameworkId[] = ['gdpr', 'hipaa', 'soc2'];

/** The selected frameworks in catalog order (the order every output lists them in). */
export function inFrameworkOrder(selected: readonly FrameworkId[]): FrameworkId[] {
  return FRAMEWORK_IDS.filter((id) => selected.includes(id));
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const COVERAGES = ['automated', 'hybrid', 'manual', 'inherited', 'out_of_scope'] as const;
export type Coverage = (typeof COVERAGES)[number];

/** primary: the control, passing, shows the requirement met for the examined scope; supporting: it informs, never decides. */
export const MAPPING_STRENGTHS = ['primary', 'supporting'] as const;
export type MappingStrength = (typeof MAPPING_STRENGTHS)[number];

export const practiceSchema = z.object({
  id: z.string().regex(/^P\d{2,3}$/, 'must look like P01'),
  area: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
});

export const practicesFileSchema = z.object({
  source: nonEmpty,
  practices: z.array(practiceSchema).min(1),
});

export const requirementSchema = z
  .object({
    id: nonEmpty,
    title: nonEmpty,
    /** HIPAA only: standard, required or addressable implementation specification. */
    kind: z.enum(['standard', 'required', 'addressable']).optional(),
    /**
     * automated: configuration evidence decides (primary controls); manual: attested evidence decides;
     * hybrid: an automated part and an attestation, both needed; inherited: performed by the provider,
     * shown with the provider evidence it relies on; out_of_scope: not reported on, with a reason.
     */
    coverage: z.enum(COVERAGES),
    reason: z.string().trim().min(1).optional(),
    /** inherited only: the provider documents relied on (e.g. "AWS SOC 2 Type II report"), attachable as manual evidence. */
    providerEvidence: z.array(nonEmpty).min(1).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.coverage !== 'automated' && !r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `coverage "${r.coverage}" needs a one-line reason` });
    }
    if (r.coverage === 'inherited' && !r.providerEvidence) {
      ctx.addIssue({ code: 'custom', path: ['providerEvidence'], message: 'coverage "inherited" must name the provider evidence it relies on' });
    }
    if (r.coverage !== 'inherited' && r.providerEvidence) {
      ctx.addIssue({ code: 'custom', path: ['providerEvidence'], message: `only an inherited requirement names provider evidence (coverage is "${r.coverage}")` });
    }
  });

export const frameworkSchema = z.object({
  id: z.enum(FRAMEWORK_IDS),
  name: nonEmpty,
  /** How reports name the framework: `label` in headings, `short` before a requirement id (e.g. "SOC 2 CC6.1"). */
  label: nonEmpty,
  short: nonEmpty,
  version: nonEmpty,
  citation: nonEmpty,
  requirements: z.array(requirementSchema).min(1),
});

export const mappingSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS),
  requirement: nonEmpty,
  strength: z.enum(MAPPING_STRENGTHS),
  justification: nonEmpty,
});

export const controlSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, named by the desired state'),
    title: nonEmpty,
    severity: z.enum(SEVERITIES),
    automation: z.enum(['automated', 'manual']),
    services: z.array(nonEmpty).min(1),
    practices: z.array(z.string().regex(/^P\d{2,3}$/)).min(1, 'must implement at least one practice'),
    check: nonEmpty,
    rationale: nonEmpty,
    remediation: nonEmpty,
    // Declared once, by the rule (its `evidence`), which is typed against the keys and checked at load.
    evidence: z.never({ error: 'evidence keys are declared by the rule (src/evaluate/rules/<control-id>.ts, `evidence`), not in the control file' }).optional(),
    mappings: z.array(mappingSchema).min(1, 'must map to at least one requirement'),
  })
  // The keys the control's rule reads; filled in from the rule when the catalog is loaded with its rules.
  .transform(({ evidence: _declaredByTheRule, ...c }) => ({ ...c, evidence: [] as string[] }));

export type Practice = z.infer<typeof practiceSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
export type Mapping = z.infer<typeof mappingSchema>;
export type Control = z.infer<typeof controlSchema>;
