// The run's inputs besides the evidence: accepted risks and attested manual evidence, validated
// against the catalog so an exception or attestation for an unknown control or requirement is rejected.
import type { ProoflineConfig } from '../config/config-schema.ts';
import type { RiskException } from '../exceptions/exceptions-schema.ts';
import { loadExceptions } from '../exceptions/load-exceptions.ts';
import { ATTESTATION_SUFFIX } from '../manual-evidence/attestation-schema.ts';
import { loadManualEvidence, type ManualEvidence } from '../manual-evidence/load-manual-evidence.ts';
import { readTracker, type PreviousTracker } from '../render/tracker/read-tracker.ts';
import { FAR_AHEAD_YEARS, isFarAhead, utcDay } from '../util/input-dates.ts';

export interface RunInputs {
  exceptions: RiskException[];
  manualEvidence: ManualEvidence[];
  /** The team's tracker named by the config's trackerFile. */
  tracker?: PreviousTracker;
  /** Accepted but suspicious: expiries and renewals more than FAR_AHEAD_YEARS ahead (file and field named). */
  warnings?: string[];
}

export async function loadRunInputs(config: Pick<ProoflineConfig, 'exceptionsFile' | 'manualEvidenceDir' | 'trackerFile'>, now: Date, knownControlIds?: ReadonlySet<string>, catalog?: Parameters<typeof loadManualEvidence>[2]): Promise<RunInputs> {
  const exceptions = config.exceptionsFile ? await loadExceptions(config.exceptionsFile, knownControlIds, now) : [];
  const manualEvidence = config.manualEvidenceDir ? await loadManualEvidence(config.manualEvidenceDir, now, catalog) : [];
  const tracker = config.trackerFile ? await readTracker(config.trackerFile, 'the config field "trackerFile"') : undefined;
  const far = `more than ${FAR_AHEAD_YEARS} years after ${utcDay(now)}; check the date`;
  const warnings = [
    ...exceptions.flatMap((e, i) => (isFarAhead(e.expiresOn, now) ? [`${config.exceptionsFile}: field "exceptions.${i}.expiresOn": ${e.expiresOn} is ${far}`] : [])),
    ...manualEvidence.flatMap((m) => (isFarAhead(m.entry.renewBy, now) ? [`${m.sourcePath}${ATTESTATION_SUFFIX}: field "renewBy": ${m.entry.renewBy} is ${far}`] : [])),
  ];
  return { exceptions, manualEvidence, ...(tracker ? { tracker } : {}), ...(warnings.length ? { warnings } : {}) };
}
