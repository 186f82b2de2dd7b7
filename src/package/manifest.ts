// manifest.json: every file of the package with its SHA-256, the run metadata, the catalog digest and
// the link to the previous run's manifest. Signed by manifest.sig (detached CMS).
import { join } from 'node:path';
import { z } from 'zod';
import type { IterableResults } from '../results/run-results.ts';
import type { SignerDescription } from '../sign/signing-identity.ts';
import { sha256FileAndSize, type FileDigest } from '../util/sha256.ts';
import { writeStableJson } from '../util/write-stable-json.ts';
import { listPackageFiles } from './package-files.ts';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SIGNATURE_FILE = 'manifest.sig';
export const SIGNER_CERTIFICATE_FILE = 'signer-certificate.pem';
export const MANIFEST_SCHEMA = 'proofline-manifest';
/** Files read and hashed at once when the manifest is built. */
const HASH_CONCURRENCY = 16;
/** Files that cannot list themselves. */
export const UNLISTED_FILES = new Set([MANIFEST_FILE, MANIFEST_SIGNATURE_FILE]);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

export const manifestSchema = z.object({
  schema: z.literal(MANIFEST_SCHEMA),
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  run: z.object({
    id: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    evaluatedAt: z.string(),
    organization: z.string(),
    tool: z.object({ name: z.string(), version: z.string() }),
    source: z.object({ kind: z.string(), location: z.string().optional(), recordedAt: z.string().optional() }),
    scope: z.object({ accounts: z.array(z.string()), regions: z.array(z.string()) }),
    // Signed with the run: how regions were chosen, every parameter rules judged by, the collection window.
    regionSelection: z.object({ method: z.string(), evidence: z.array(z.string()) }).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    collectionWindow: z.object({ from: z.string(), to: z.string() }).optional(),
    frameworks: z.array(z.string()),
  }),
  catalogDigest: z.string(),
  /** SHA-256 of the previous run's manifest.json (run history); null for the first run or when unknown. */
  previousManifestSha256: sha256.nullable(),
  signer: z.object({ subject: z.string(), issuer: z.string(), fingerprintSha256: sha256, selfSigned: z.boolean(), source: z.string() }),
  files: z.array(z.object({ path: z.string().min(1), sha256, bytes: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export interface ManifestOptions {
  previousManifestSha256?: string | null;
  createdAt?: string;
  /** Digests the package took from the bytes it wrote (written-files.ts): those files are not read again. */
  written?: ReadonlyMap<string, FileDigest>;
}

export async function buildManifest(dir: string, results: IterableResults, signer: SignerDescription, opts: ManifestOptions = {}): Promise<Manifest> {
  // The other files are hashed by a few workers taking the next path (not a pending task per file made
  // up front), each file's size from the open that reads it; the listing's order kept.
  const paths = (await listPackageFiles(dir)).filter((path) => !UNLISTED_FILES.has(path));
  const written = opts.written ?? new Map<string, FileDigest>();
  const listed = new Set(paths);
  const lost = [...written.keys()].find((path) => !listed.has(path));
  if (lost) throw new Error(`package: ${lost} was written but is no longer in ${dir}`);
  const files: Manifest['files'] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      files[i] = { path: paths[i], ...(written.get(paths[i]) ?? (await sha256FileAndSize(join(dir, paths[i])))) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, paths.length) }, worker));
  const { run } = results;
  return {
    schema: MANIFEST_SCHEMA,
    schemaVersion: 1,
    createdAt: opts.createdAt ?? new Date().toISOString(),
    run: { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, evaluatedAt: run.evaluatedAt, organization: run.organization, tool: run.tool, source: run.source, scope: run.scope, regionSelection: run.regionSelection, parameters: { ...run.parameters }, ...(run.collectionWindow ? { collectionWindow: run.collectionWindow } : {}), frameworks: run.frameworks },
    catalogDigest: run.catalogDigest,
    previousManifestSha256: opts.previousManifestSha256 ?? null,
    signer: { subject: signer.subject, issuer: signer.issuer, fingerprintSha256: signer.fingerprintSha256, selfSigned: signer.selfSigned, source: signer.source },
    files,
  };
}

/** manifest.json: stableStringify(m, 2) + '\n', its file list streamed. */
export function writeManifest(path: string, m: Manifest): Promise<void> {
  return writeStableJson(path, m, 'files');
}
