// `proofline run --only results`: results.json for pipelines, without the evidence folder, PDF, XLSX,
// OSCAL, portal, manifest or zip. What is signed: results.json alone, by a detached CMS signature
// (results.json.sig) from the same identity that signs packages, with its certificate alongside. What
// is not: there is no evidence to check the results against, so this is not an audit package and
// `proofline verify` does not accept it; a package from the same run is needed for that.
import { readFile, writeFile } from 'node:fs/promises';
import type { IterableResults } from '../results/run-results.ts';
import { writeResultsJson } from '../render/results-json.ts';
import { signDetached } from '../sign/detached-cms.ts';
import type { SigningIdentity } from '../sign/signing-identity.ts';
import { confinedPath } from '../util/confined-path.ts';
import { writeFolderAtomically } from '../util/write-folder-atomically.ts';
import { SIGNER_CERTIFICATE_FILE } from './manifest.ts';
import { packageName } from './package-name.ts';

export const RESULTS_FILE = 'results.json';
export const RESULTS_SIGNATURE_FILE = 'results.json.sig';
/** Marks the folder as results only, so nobody mistakes it for a package. */
export const RESULTS_ONLY_NAME_SUFFIX = '-results-only';

export async function writeResultsOnly(outDir: string, results: IterableResults, identity: SigningIdentity, now = new Date()): Promise<string> {
  const name = packageName(results.run.scope, new Date(results.run.startedAt), results.run.id) + RESULTS_ONLY_NAME_SUFFIX;
  return writeFolderAtomically(
    outDir,
    name,
    async (tmp) => {
      await writeResultsJson(confinedPath(tmp, RESULTS_FILE), results);
      await writeFile(confinedPath(tmp, SIGNER_CERTIFICATE_FILE), identity.certificatePem);
      // Sign the bytes as written, not a re-serialization.
      const bytes = await readFile(confinedPath(tmp, RESULTS_FILE));
      await writeFile(confinedPath(tmp, RESULTS_SIGNATURE_FILE), await signDetached(bytes, identity, now));
    },
    { what: 'results folder' },
  );
}
