// Types of the data the portal's script files assign to PROOFLINE_PORTAL (written by
// src/render/portal/portal-data.ts and portal-evidence.ts), derived from RunResults so that a change
// to results.json is a type error in portal.js. For the type check of portal.js only; not shipped.
import type { RunResults } from '../../src/results/run-results.ts';
import type { ScopeView } from '../../src/render/view-model/scope-view.ts';
import type { SignerDescription } from '../../src/sign/signing-identity.ts';

declare global {
  type Counts = Record<string, number>;
  type PortalControl = RunResults['controls'][number];
  type PortalRequirement = NonNullable<RunResults['requirements'][keyof RunResults['requirements']]>[number];

  type PortalData = Omit<RunResults, 'findings' | 'evidence' | 'requirements'> & {
    format: 'proofline-portal';
    version: number;
    /** Keyed by the run's framework ids. */
    requirements: Record<string, PortalRequirement[]>;
    frameworks: { id: string; name: string; short: string }[];
    signer: SignerDescription;
    /** The report's "Scope and limitations", in the report's words. */
    scopeView: ScopeView;
    labels: { requirementStatus: Record<string, string>; controlStatus: Record<string, string>; findingStatus: Record<string, string>; severity: Record<string, string> };
    codes: { findingStatus: string[]; evidenceOutcome: string[] };
    tables: { controlIds: string[]; accounts: string[]; regions: string[]; types: string[]; keys: string[] };
    counts: { findings: number; evidence: number };
    evidenceChunkStarts: number[];
    /** Chunks of finding rows: [id|0, control, status, type, resource id, arn|0, account, region, reason, evidence, extra|0]. */
    findingRows: unknown[][][];
    /** Chunks of evidence rows: [id, key, account, region, outcome, collectedAt, requestId|0, sha256, file|0, error|0, extra|0]. */
    evidenceRows: unknown[][][];
    /** Set by portal.js: called by each evidence/NNNN.js with the record texts of its chunk. */
    evidenceChunk?: (chunk: number, texts: string[]) => void;
  };

  var PROOFLINE_PORTAL: PortalData | undefined;
}
