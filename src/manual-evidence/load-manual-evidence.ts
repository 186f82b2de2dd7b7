// Reads the manual evidence folder: every file needs an attestation sidecar; digests are taken here,
// Nessus exports are summarised, and expiry is judged against the run's evaluation time.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Catalog } from '../catalog/load-catalog.ts';
import type { ManualEvidenceEntry } from './manual-evidence-entry.ts';
import { isAfterDay, utcDay } from '../util/input-dates.ts';
import { sha256File } from '../util/sha256.ts';
import { ATTESTATION_SUFFIX, attestationSchema } from './attestation-schema.ts';
import { scanDisqualification, summarizeNessus } from './nessus-summary.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';
import { readValidated } from '../util/read-validated.ts';

export class ManualEvidenceError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'ManualEvidenceError';
  }
}

/** A loaded file: the entry for the results plus where it lives on disk (for the package). */
export interface ManualEvidence {
  entry: ManualEvidenceEntry;
  sourcePath: string;
}

export const MANUAL_PACKAGE_DIR = 'manual';

/** Expired once the renewal day is over (renewBy is inclusive). */
export function isExpired(renewBy: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${renewBy}T00:00:00Z`) + 86_400_000;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: Error) => {
    throw new ManualEvidenceError({ file: dir, message: `cannot read the manual evidence folder (${err.message})` });
  });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function loadManualEvidence(dir: string, now: Date, catalog?: Pick<Catalog, 'frameworks' | 'controls'>): Promise<ManualEvidence[]> {
  const files = await listFiles(dir);
  const sidecars = new Set(files.filter((f) => f.endsWith(ATTESTATION_SUFFIX)));
  const out: ManualEvidence[] = [];
  for (const file of files.filter((f) => !sidecars.has(f))) {
    const sidecar = `${file}${ATTESTATION_SUFFIX}`;
    if (!sidecars.has(sidecar)) throw new ManualEvidenceError({ file: file, message: `no attestation; add ${sidecar} naming title, attestedBy, attestedOn, renewBy and requirements` });
    sidecars.delete(sidecar);
    const a = await readValidated(sidecar, attestationSchema, { format: 'yaml', what: 'the attestation', ifEmpty: {}, toError: (m) => new ManualEvidenceError(m) });
    if (isAfterDay(a.attestedOn, now)) throw new ManualEvidenceError({ file: sidecar, field: 'attestedOn', message: `${a.attestedOn} is after the evaluation day ${utcDay(now)}; an attestation cannot be dated in the future` });
    a.requirements.forEach((r, i) => {
      if (catalog && !catalog.frameworks[r.framework].requirements.some((q) => q.id === r.requirement)) {
        throw new ManualEvidenceError({ file: sidecar, field: `requirements.${i}.requirement`, message: `"${r.requirement}" is not a ${r.framework} requirement id` });
      }
    });
    a.controls.forEach((id, i) => {
      const control = catalog?.controls.find((c) => c.id === id);
      if (catalog && !control) throw new ManualEvidenceError({ file: sidecar, field: `controls.${i}`, message: `"${id}" is not a control id` });
      if (control?.automation === 'automated') throw new ManualEvidenceError({ file: sidecar, field: `controls.${i}`, message: `"${id}" is an automated control; attested evidence never replaces its check (name the requirement instead)` });
    });
    a.providerEvidence.forEach((name, i) => {
      const known = catalog && Object.values(catalog.frameworks).some((fw) => fw.requirements.some((r) => r.providerEvidence?.includes(name)));
      if (catalog && !known) throw new ManualEvidenceError({ file: sidecar, field: `providerEvidence.${i}`, message: `"${name}" is not provider evidence any inherited requirement relies on` });
    });
    const rel = relative(dir, file).split('\\').join('/');
    const entry: ManualEvidenceEntry = {
      id: rel,
      title: a.title,
      file: `${MANUAL_PACKAGE_DIR}/${rel}`,
      sha256: await sha256File(file),
      attestedBy: a.attestedBy,
      attestedOn: a.attestedOn,
      renewBy: a.renewBy,
      status: isExpired(a.renewBy, now) ? 'expired' : 'current',
      requirements: a.requirements,
      controls: a.controls,
      providerEvidence: a.providerEvidence,
    };
    if (file.toLowerCase().endsWith('.nessus')) {
      entry.scan = summarizeNessus(await readFile(file, 'utf8'), file);
      const disqualified = scanDisqualification(entry.scan);
      if (disqualified) entry.disqualifiedBy = disqualified;
    }
    out.push({ entry, sourcePath: file });
  }
  const orphan = [...sidecars][0];
  if (orphan) throw new ManualEvidenceError({ file: orphan, message: `attestation without the file it attests (${orphan.slice(0, -ATTESTATION_SUFFIX.length)})` });
  return out;
}
