// The results.json form of one attested evidence file. Defined with the loader (an input, low in the
// layers) so that map and results can take it without importing upwards.
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import type { NessusSummary } from './nessus-summary.ts';

/** A file people attached as evidence for a manual requirement (src/manual-evidence). */
export interface ManualEvidenceEntry {
  id: string;
  title: string;
  /** Path inside the package. */
  file: string;
  sha256: string;
  attestedBy: string;
  attestedOn: string;
  renewBy: string;
  status: 'current' | 'expired';
  requirements: { framework: FrameworkId; requirement: string }[];
  /** Manual control ids the evidence is supplied for. */
  controls: string[];
  /** Provider documents the file is, as inherited requirements name them (e.g. "AWS BAA"). */
  providerEvidence: string[];
  /** Summary of a vulnerability-scanner export (Nessus). */
  scan?: NessusSummary;
  /** Why the file can satisfy nothing (e.g. a scan with open critical or high findings); shown, never counted. */
  disqualifiedBy?: string;
}
