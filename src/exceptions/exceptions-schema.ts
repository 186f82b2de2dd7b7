// exceptions.yaml: risks an approver accepted for a control on matching resources, until an expiry.
import { z } from 'zod';
import { boundedText, TEXT_LIMITS } from '../util/text-limits.ts';

const required = (what: string, max: number = TEXT_LIMITS.name) =>
  z.string({ error: `${what} is required` }).pipe(boundedText(max, `${what} must not be empty`));
const isoDay = (what: string) =>
  z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date({ error: `${what} must be a date such as 2027-03-31` }));

export const exceptionSchema = z
  .object({
    id: required('an id (e.g. EXC-001)'),
    controlId: required('the control id'),
    /** Glob on the resource id or ARN: `*` matches any run of characters. */
    resource: required('a resource pattern', TEXT_LIMITS.line),
    account: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id').optional(),
    region: z.string().trim().min(1).optional(),
    justification: required('a justification', TEXT_LIMITS.paragraph),
    approver: required('an approver'),
    approvedOn: isoDay('approvedOn'),
    expiresOn: isoDay('expiresOn'),
  })
  .strict()
  .refine((e) => e.approvedOn <= e.expiresOn, { message: 'must not be before approvedOn', path: ['expiresOn'] });

export const exceptionsFileSchema = z
  .object({ exceptions: z.array(exceptionSchema) })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.exceptions.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'id'], message: `duplicate id "${e.id}"` });
      seen.add(e.id);
    });
  });

export type RiskException = z.infer<typeof exceptionSchema>;
