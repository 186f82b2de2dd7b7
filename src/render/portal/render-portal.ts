// The auditor portal: a static site in portal/ that opens from the package folder or the unzipped
// archive with no server and no network. Page shell, stylesheet and script come from templates/portal/;
// the run's data is written next to them as script files (portal-data.ts, portal-evidence.ts).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { confinedPath } from '../../util/confined-path.ts';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { IterableResults } from '../../results/run-results.ts';
import type { SignerDescription } from '../../sign/signing-identity.ts';
import { STATUS_COLORS } from '../view-model/labels.ts';
import { writePortalData } from './portal-data.ts';
import { recordTextsFromFolder, writeEvidenceChunks, type RecordText } from './portal-evidence.ts';

export const PORTAL_DIR = 'portal';
export const PORTAL_INDEX = `${PORTAL_DIR}/index.html`;
export const DEFAULT_PORTAL_TEMPLATES = fileURLToPath(new URL('../../../templates/portal/', import.meta.url));

/**
 * No network, no inline code: scripts, styles and images only from the portal's own files. `'self'`
 * covers sibling files of a file:// page in Chromium; connect-src 'none' keeps even a stray fetch local.
 */
export const PORTAL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; font-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

/** The shared status colours of labels.ts as CSS custom properties, so the portal, PDF and XLSX agree. */
function statusColorRules(): string {
  return Object.entries(STATUS_COLORS)
    .map(([status, hex]) => `.status-${status.replace(/_/g, '-')} { --status: #${hex}; }`)
    .join('\n');
}

export interface RenderPortalOptions {
  templatesDir?: string;
  /**
   * Gets each portal file's path relative to the package (`portal/...`) once the file is complete and
   * will not be written again: the package zips it while the rest is written (written-files.ts).
   */
  onWritten?: (file: string) => void;
}

export interface PortalEvidenceOptions {
  /** Each evidence entry's stored text (by default read from the package's evidence folder). */
  recordText?: RecordText;
  /** The evidence chunks are already written (EvidenceChunks, while the package wrote its evidence folder); where each starts. */
  evidenceChunkStarts?: readonly number[];
}

export async function renderPortal(packageDir: string, results: IterableResults, signer: SignerDescription, opts: RenderPortalOptions & PortalEvidenceOptions = {}): Promise<void> {
  const templates = opts.templatesDir ?? DEFAULT_PORTAL_TEMPLATES;
  const dir = confinedPath(packageDir, PORTAL_DIR);
  await mkdir(confinedPath(dir, 'data'), { recursive: true });
  await mkdir(confinedPath(dir, 'evidence'), { recursive: true });
  const chunkStarts = opts.evidenceChunkStarts ?? (await writeEvidenceChunks(dir, results.evidence, opts.recordText ?? recordTextsFromFolder(packageDir)));
  const written = (file: string) => opts.onWritten?.(`${PORTAL_DIR}/${file}`);
  const data = await writePortalData(confinedPath(dir, 'data'), results, signer, chunkStarts, (name) => written(`data/${name}`));
  const css = await readFile(confinedPath(templates, 'portal.css'), 'utf8');
  await writeFile(confinedPath(dir, 'portal.css'), `${css}\n/* Status colours (src/render/view-model/labels.ts) */\n${statusColorRules()}\n`);
  written('portal.css');
  await copyFile(confinedPath(templates, 'portal.js'), confinedPath(dir, 'portal.js'));
  written('portal.js');
  const page = Handlebars.compile(await readFile(confinedPath(templates, 'index.html.hbs'), 'utf8'), { strict: true });
  await writeFile(confinedPath(dir, 'index.html'), page({ csp: PORTAL_CSP, organization: results.run.organization, runId: results.run.id, scripts: data.scripts }));
  written('index.html');
}
