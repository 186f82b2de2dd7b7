// Copies the attested files into the package's manual/ folder, checking each still has the digest
// recorded in the results (a file changed mid-run must not be packaged under an old digest).
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PackageStep } from './write-package.ts';
import { confinedPath } from '../util/confined-path.ts';
import { sha256File } from '../util/sha256.ts';
import { ManualEvidenceError, type ManualEvidence } from '../manual-evidence/load-manual-evidence.ts';

export function manualEvidenceStep(evidence: readonly ManualEvidence[]): PackageStep {
  return async (dir) => {
    for (const { entry, sourcePath } of evidence) {
      const target = confinedPath(dir, entry.file);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(sourcePath, target);
      if ((await sha256File(target)) !== entry.sha256) throw new ManualEvidenceError({ file: sourcePath, message: 'changed while the run was in progress; run again' });
    }
  };
}
