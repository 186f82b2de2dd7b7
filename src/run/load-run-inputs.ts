// The run's inputs besides the evidence: accepted risks and attested manual evidence, validated
// against the catalog so an exception or attestation for an unknown control or requirement is rejected.
import type { ProoflineConfig } from '../config/config-schema.ts';
import type { RiskException } from '../exceptions/exceptions-schema.ts';
import { loadExceptions } from '../exceptions/load-exceptions.ts';
import { loadManualEvidence, type ManualEvidence } from '../manual-evidence/load-manual-evidence.ts';

export interface RunInputs {
  exceptions: RiskException[];
  manualEvidence: ManualEvidence[];
}

export async function loadRunInputs(config: Pick<ProoflineConfig, 'exceptionsFile' | 'manualEvidenceDir'>, now: Date, knownControlIds?: ReadonlySet<string>, catalog?: Parameters<typeof loadManualEvidence>[2]): Promise<RunInputs> {
  return {
    exceptions: config.exceptionsFile ? await loadExceptions(config.exceptionsFile, knownControlIds) : [],
    manualEvidence: config.manualEvidenceDir ? await loadManualEvidence(config.manualEvidenceDir, now, catalog) : [],
  };
}
